// An OperationsService over the simulator's demo accounts, with a fast simulated clock, for
// integration tests of the change workflow (the core wires the same parts for the app).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Simulator } from '../../simulator';
import type { OperationView } from '../../electron/contract';
import { ChecksService } from '../../electron/core/checks/api';
import { CloudLimits } from '../../electron/core/cloud/session';
import { createContext } from '../../electron/core/context';
import type { CoreContext } from '../../electron/core/context';
import { EventHub } from '../../electron/core/events';
import { peerAccounts } from '../../electron/core/accounts/directory';
import { FleetService } from '../../electron/core/fleet/service';
import { OperationsService } from '../../electron/core/operations/service';
import type { OperationsOptions } from '../../electron/core/operations/service';
import { scaledClock } from '../../electron/core/util/clock';
import { simDirectory } from './sim-directory';
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
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'ack-sg-ops-'));
  const cleanups: (() => Promise<void> | void)[] = [];
  const ctx: CoreContext = createContext({
    dataDir,
    version: 'test',
    platform: process.platform,
    arch: process.arch,
    events: new EventHub(),
    cloudLimits: new CloudLimits(),
    env: {},
    now: Date.now,
    onDispose: (c) => void cleanups.push(c),
  });
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
      for (const c of cleanups.reverse()) await c();
    },
  };
}
