// A ProvisionService over the simulator's demo accounts with a fast simulated clock, for
// integration tests of new clusters (the core wires the same parts for the app).
import type { Simulator } from '../../simulator';
import type { CreationView } from '../../electron/contract';
import { AuditLog } from '../../electron/core/audit';
import { AuditRecorder } from '../../electron/core/audit/recorder';
import type { CoreContext } from '../../electron/core/context';
import { ProvisionService } from '../../electron/core/provision/service';
import { scaledClock } from '../../electron/core/util/clock';
import { simDirectory } from './sim-directory';
import { testContext } from './test-context';

export interface ProvisionHarness {
  ctx: CoreContext;
  provision: ProvisionService;
  audit: AuditLog;
  progress: CreationView[];
  dataDir: string;
  dispose(): Promise<void>;
}

export function provisionHarness(
  sim: Simulator,
  options: { timeScale: number; dataDir?: string },
): ProvisionHarness {
  const context = testContext({
    prefix: 'create',
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  const { ctx, dataDir } = context;
  const progress: CreationView[] = [];
  ctx.events.on('creation.progress', (view) => progress.push(view));
  const audit = new AuditLog(dataDir);
  const provision = new ProvisionService(ctx, {
    directory: simDirectory(sim),
    audit: new AuditRecorder(ctx, audit, async () => null),
    clockFor: () => scaledClock(options.timeScale, () => sim.control.now()),
  });
  return {
    ctx,
    provision,
    audit,
    progress,
    dataDir,
    async dispose() {
      await provision.dispose();
      await context.dispose();
    },
  };
}
