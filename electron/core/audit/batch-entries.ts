// The audit trail of a batch: one 'batch.apply' entry when it is applied and one when it ends
// (each cluster's change has its own encryption.* entries, written by the operations domain).
// Audit entries belong to an account, so a batch over several accounts writes one per account.
// AuditRecorder.batch writes them (a failed write is a notice, never a reason to stop the batch).
import type { AuditPhase, AuditResult } from '../../contract/types/audit';
import type { BatchView } from '../../contract/types/batch';
import type { AuditEntryInput } from './entry';

/** The accounts a batch touches: those of its ready items (or of any item, if none is ready). */
function accountsOf(view: BatchView): { accountId: string; accountName: string }[] {
  const ready = view.items.filter((i) => i.status === 'ready');
  const items = ready.length > 0 ? ready : view.items;
  const seen = new Map<string, string>();
  for (const item of items)
    if (!seen.has(item.accountId)) seen.set(item.accountId, item.accountName);
  return [...seen].map(([accountId, accountName]) => ({ accountId, accountName }));
}

export function batchAuditEntries(
  view: BatchView,
  phase: AuditPhase,
  cloudAccountOf: (accountId: string) => string | null,
): AuditEntryInput[] {
  const result: AuditResult = phase === 'requested' ? 'accepted' : (view.result ?? 'unknown');
  return accountsOf(view).map(({ accountId, accountName }) => {
    const mine = view.items.filter((i) => i.accountId === accountId && i.status === 'ready');
    const failed = mine.filter((i) => i.state === 'failed');
    const notDone = mine.filter((i) => i.state !== 'succeeded');
    return {
      accountId,
      accountName,
      cloudAccountId: cloudAccountOf(accountId),
      clusterId: null,
      clusterName: null,
      regionId: null,
      action: 'batch.apply',
      phase,
      keyId: view.keyId,
      requestId: null,
      result,
      error:
        phase === 'ended' && notDone.length > 0
          ? {
              code: view.result === 'cancelled' ? 'BatchCancelled' : 'BatchItemsNotSucceeded',
              message: `${notDone.length} of ${mine.length} ${view.action} changes did not succeed (${failed.length} failed): ${notDone
                .map((i) => `${i.clusterName} ${i.state}`)
                .join(', ')}`,
            }
          : null,
      // The batch id stands where a single change's operation id would.
      operationId: view.batchId,
    };
  });
}
