// The demo world with what the key guard tests need on top: a RAM user who changes keys in the
// retail account "behind the app's back", and a cluster encrypted with a key of a KMS instance
// that expires in 10 days.
import demo from '../../../simulator/src/fixtures/demo.json' with { type: 'json' };
import type { FixtureInput } from '../../../simulator';
import { AuditLog } from '../../../electron/core/audit';
import { AuditRecorder } from '../../../electron/core/audit/recorder';
import { FleetService } from '../../../electron/core/fleet/service';
import { KeyGuard } from '../../../electron/core/keys/guard';
import type { Simulator } from '../../../simulator';
import { simDirectory } from '../../support/sim-directory';
import { testContext } from '../../support/test-context';

export const OPERATOR = 'ops-alice';
export const INSTANCE_KEY = 'key-hzz6demoinstance000008';
export const INSTANCE_ID = 'kst-hzz6demoinstance0001';
export const INSTANCE_CLUSTER = 'c0de0000000000000000000000000a001';

export function guardFixture(): FixtureInput {
  const world = structuredClone(demo) as unknown as FixtureInput & {
    accounts: { users?: unknown[]; kmsInstances?: unknown[]; clusters: unknown[] }[];
  };
  const retail = world.accounts[0]!;
  retail.users = [...(retail.users ?? []), { name: OPERATOR, id: '210000000000000901' }];
  retail.kmsInstances = [{ id: INSTANCE_ID, regionId: 'cn-hangzhou', endInDays: 10 }];
  retail.clusters.push({
    id: INSTANCE_CLUSTER,
    name: 'edge-pro-hz-instance-key',
    regionId: 'cn-hangzhou',
    vpcId: 'vpc-hzdemoretail0001',
    vswitchIds: ['vsw-hzdemoaclok00001'],
    securityGroupId: 'sg-hzdemoentallow01',
    encryption: { keyId: INSTANCE_KEY },
  });
  return { ...world, name: 'key-guard' } as FixtureInput;
}

export function guardHarness(sim: Simulator, dataDir?: string) {
  const context = testContext({ prefix: 'keys', ...(dataDir ? { dataDir } : {}) });
  const { ctx, dataDir: dir } = context;
  const cleanups = [() => context.dispose()];
  const directory = simDirectory(sim, { regions: ['cn-hangzhou', 'cn-beijing'] });
  const fleet = new FleetService(ctx, directory);
  const log = new AuditLog(dir);
  const audit = new AuditRecorder(ctx, log, async () => null);
  const guard = new KeyGuard(ctx, {
    snapshot: () => fleet.snapshot(),
    sessionFor: (id) => directory.sessionFor(id),
    audit,
    describeAccount: async (id) => ({ accountName: id, cloudAccountId: null }),
  });
  const events: { name: string; payload: unknown }[] = [];
  ctx.events.subscribe((name, payload) => events.push({ name, payload }));
  return { ctx, dir, fleet, guard, log, events, directory, cleanups };
}
