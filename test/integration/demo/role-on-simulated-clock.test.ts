// The demo's role account on the simulated clock (issue 16 item 9): the simulator runs 20 times
// faster than the wall clock, so the factory role's one-hour STS token expires after about three
// real minutes while the core, reading Expiration against its own clock, still thinks it valid.
// Before the fix every factory call then failed with InvalidSecurityToken.Expired until the
// window was restarted. The core, the official SDKs and the simulator over HTTP, the real keychain.
import { afterEach, describe, expect, it } from 'vitest';
import { demoOf } from '../../../electron/core/demo';
import type { Core } from '../../../electron/core/service';
import { DEMO } from '../../../simulator';
import { makeCore } from '../accounts/helpers';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
});

async function demoCore(): Promise<{ core: Core; factoryId: string }> {
  const core = makeCore();
  cores.push(core);
  const { accounts } = await core.api['demo.start']({});
  const factory = accounts.find((a) => a.kind === 'ram-role')!;
  return { core, factoryId: factory.id };
}

const listedAt = (
  snapshot: { listings: { accountId: string; regionId: string; listedAt: string }[] },
  accountId: string,
  regionId: string,
) => snapshot.listings.find((l) => l.accountId === accountId && l.regionId === regionId)?.listedAt;

/** A refresh, then the snapshot it made (the reply carries only its generation and counts). */
async function refreshed(core: Core, input: Parameters<Core['api']['fleet.refresh']>[0]) {
  await core.api['fleet.refresh'](input);
  return (await core.api['fleet.snapshot']({}))!;
}

describe('the demo role account on the simulated clock', () => {
  it('is assumed again when the cloud calls its token expired: the factory rows are listed afresh', async () => {
    const { core, factoryId } = await demoCore();
    const first = await refreshed(core, {});
    expect(first.clusters.map((c) => c.clusterId)).toContain(DEMO.clusters.factoryNoServiceRole);
    // Two simulated hours later (six real minutes in the demo): past the token's Expiration in
    // the cloud's clock, still within it in this machine's.
    demoOf(core.context).sim!.control.advance(2 * 3600);
    const second = await refreshed(core, { accountIds: [factoryId] });
    expect(second.failures).toEqual([]);
    expect(second.clusters.map((c) => c.clusterId)).toContain(DEMO.clusters.factoryNoServiceRole);
    expect(listedAt(second, factoryId, 'cn-beijing')).toBe(second.fetchedAt);
  });

  it('a region of the role account that fails keeps its rows, with the time they were listed', async () => {
    const { core, factoryId } = await demoCore();
    const first = await refreshed(core, {});
    const sim = demoOf(core.context).sim!;
    sim.control.addFault({
      kind: 'error500',
      product: 'cs',
      action: 'DescribeClustersV1',
      regionId: 'cn-beijing',
      count: 50,
    });
    await new Promise((r) => setTimeout(r, 5)); // a fetchedAt that differs from the first
    const second = await refreshed(core, { accountIds: [factoryId] });
    expect(second.failures.map((f) => [f.accountId, f.regionId])).toEqual([
      [factoryId, 'cn-beijing'],
    ]);
    const row = second.clusters.find((c) => c.clusterId === DEMO.clusters.factoryNoServiceRole);
    expect(row).toBeDefined();
    // Stale, and said so: the listing keeps the first refresh's time, not this one's.
    expect(listedAt(second, factoryId, 'cn-beijing')).toBe(first.fetchedAt);
    expect(second.fetchedAt).not.toBe(first.fetchedAt);
    expect(second.clusters).toHaveLength(first.clusters.length);
  });
});
