// Which tone a status pill (components/StatusPill.svelte) takes for each state it shows: one
// table per kind of state, so the batch, its items, the audit log and the proof agree on colour.
import type { AuditResult, BatchItemState, BatchView, VerifyStatus } from '$contract';

export type Tone = 'neutral' | 'muted' | 'info' | 'ok' | 'warn' | 'bad';

export function batchItemTone(state: BatchItemState): Tone {
  if (state === 'running') return 'info';
  if (state === 'succeeded') return 'ok';
  if (state === 'failed') return 'bad';
  if (state === 'skipped' || state === 'cancelled') return 'muted';
  return 'neutral';
}

export function batchTone(batch: Pick<BatchView, 'state' | 'result'>): Tone {
  if (batch.state === 'applying') return 'info';
  if (batch.state === 'paused' || batch.state === 'cancelling') return 'warn';
  if (batch.state === 'ended' && batch.result === 'succeeded') return 'ok';
  if (batch.state === 'ended' && batch.result === 'failed') return 'bad';
  return 'neutral';
}

export function auditResultTone(result: AuditResult): Tone {
  if (result === 'succeeded') return 'ok';
  if (result === 'failed' || result === 'rejected' || result === 'timed-out') return 'bad';
  if (result === 'accepted') return 'info';
  return 'muted';
}

export function proofTone(status: VerifyStatus): Tone {
  if (status === 'verified') return 'ok';
  if (status === 'pending') return 'info';
  if (status === 'not-verified') return 'bad';
  return 'muted';
}
