// A BatchService over the operations harness (simulator, demo accounts, scaled clock), wired as
// createCore wires it, so a test can dispose it mid-batch and build another on the same folder.
import type { Simulator } from '../../../simulator';
import type { BatchView } from '../../../electron/contract';
import { AuditLog } from '../../../electron/core/audit';
import { AuditRecorder } from '../../../electron/core/audit/recorder';
import { clustersFromFleet } from '../../../electron/core/batch/api';
import { BatchService } from '../../../electron/core/batch/service';
import type { BatchOptions } from '../../../electron/core/batch/service';
import { listKeys } from '../../../electron/core/keys/inventory';
import { scaledClock } from '../../../electron/core/util/clock';
import { simDirectory } from '../../support/sim-directory';
import { operationsHarness } from '../../support/operations-harness';
import type { Harness } from '../../support/operations-harness';

export interface BatchHarness extends Harness {
  batches: BatchService;
  audit: AuditLog;
  /** Every batch.progress payload, in order. */
  batchProgress: BatchView[];
}

export function batchHarness(
  sim: Simulator,
  options: { timeScale: number; dataDir?: string } & BatchOptions,
): BatchHarness {
  const h = operationsHarness(sim, {
    timeScale: options.timeScale,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  const audit = new AuditLog(h.dataDir);
  const keysDirectory = simDirectory(sim);
  const batches = new BatchService(
    h.ctx,
    {
      operations: h.operations,
      clusters: clustersFromFleet(h.fleet),
      checks: h.checks,
      // As fleet/api.ts answers keys.list: the region's keys, with the snapshot's clusters on each.
      listKeys: async (accountId, regionId) => {
        const usedBy = new Map<string, string[]>();
        for (const c of (await h.fleet.snapshot())?.clusters ?? []) {
          if (c.accountId !== accountId || !c.encryption.keyId) continue;
          usedBy.set(c.encryption.keyId, [...(usedBy.get(c.encryption.keyId) ?? []), c.clusterId]);
        }
        return listKeys(await keysDirectory.sessionFor(accountId), regionId, usedBy);
      },
      clockFor: () => scaledClock(options.timeScale, () => sim.control.now()),
      audit: new AuditRecorder(h.ctx, audit, async () => null),
    },
    options,
  );
  const batchProgress: BatchView[] = [];
  h.ctx.events.on('batch.progress', (view) => batchProgress.push(view));
  return {
    ...h,
    batches,
    audit,
    batchProgress,
    async dispose() {
      // As createCore does: batches first (no new starts), then the operations' followers.
      await batches.dispose();
      await h.dispose();
    },
  };
}
