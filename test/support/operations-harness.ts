// An OperationsService over the simulator's demo accounts, with a fast simulated clock, for
// integration tests of the change workflow (the core wires the same parts for the app).
import type { Simulator } from '../../simulator';
import type { OperationView } from '../../electron/contract';
import { ChecksService } from '../../electron/core/checks/api';
import type { CoreContext } from '../../electron/core/context';
import { peerAccounts } from '../../electron/core/accounts/directory';
import { FleetService } from '../../electron/core/fleet/service';
import { OperationsService } from '../../electron/core/operations/service';
import type { OperationsOptions } from '../../electron/core/operations/service';
import { scaledClock } from '../../electron/core/util/clock';
import { simDirectory } from './sim-directory';
import { testContext } from './test-context';
import type { SimDirectoryOptions } from './sim-directory';

export interface Harness {
  ctx: CoreContext;
  fleet: FleetService;
  checks: ChecksService;
  operations: OperationsService;
  progress: OperationView[];
  dataDir: string;
  dispose(): Promise<void>;
}

export function operationsHarness(
  sim: Simulator,
  options: {
    dataDir?: string;
    timeScale: number;
    directory?: SimDirectoryOptions;
  } & OperationsOptions,
): Harness {
  const context = testContext({
    prefix: 'ops',
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  const { ctx, dataDir } = context;
  const directory = simDirectory(sim, options.directory);
  const fleet = new FleetService(ctx, directory);
  const progress: OperationView[] = [];
  ctx.events.on('operation.progress', (view) => progress.push(view));
  const clockFor =
    options.clockFor ?? (() => scaledClock(options.timeScale, () => sim.control.now()));
  // As createCore wires it: the checklist asks the operations' journal when a change last ended.
  const checks = new ChecksService({
    sessionFor: (accountId) => directory.sessionFor(accountId),
    peersOf: (accountId) => peerAccounts(directory, accountId),
    clockFor,
    lastChangeEndedAt: (clusterId) => operations.lastChangeEndedAt(clusterId),
    now: ctx.now,
  });
  const operations: OperationsService = new OperationsService(
    ctx,
    {
      directory,
      checks,
      locate: async (clusterId) => {
        let found = await fleet.findCluster(clusterId);
        if (!found) {
          await fleet.refresh();
          found = await fleet.findCluster(clusterId);
        }
        if (!found) throw new Error(`no cluster ${clusterId}`);
        return found;
      },
    },
    { ...options, clockFor },
  );
  return {
    ctx,
    fleet,
    checks,
    operations,
    progress,
    dataDir,
    async dispose() {
      await operations.dispose();
      await context.dispose();
    },
  };
}
