// The life of one batch item while the batch is applied, as pure transitions, so that every
// path (a start, a cooldown wait, a restart, a cancel) goes through the same few rules and an
// item can never be started twice: only a pending item starts, and a running one only ends.
import type {
  BatchCounts,
  BatchItem,
  BatchItemState,
  BatchResult,
  BatchWords,
} from '../../contract/types/batch';
import type { OperationOutcome } from '../../contract/types/operations';

export type ItemEvent =
  /** A start is being tried (persisted before OperationsService.start is called). */
  | { type: 'start'; at: number }
  /** The cloud accepted the request: the operation to follow. */
  | { type: 'started'; operationId: string }
  /** Refused inside the cooldown (or by the cloud's 409): wait, then start again. */
  | { type: 'wait'; until: number }
  /** The operation ended. */
  | { type: 'ended'; at: number; outcome: OperationOutcome; error: ItemError | null }
  /** Not started: the checklist is no longer ready. */
  | { type: 'skip'; at: number; reasons: string[]; reasonMessages?: BatchWords[] }
  /** Not started, or started and refused: the batch cannot go on with this cluster. */
  | { type: 'fail'; at: number; error: ItemError }
  /** The batch was cancelled before this item started. */
  | { type: 'cancel'; at: number }
  /** After a restart: a start was tried but never reached the journal, so nothing was sent. */
  | { type: 'restore' };

export interface ItemError {
  code: string;
  message: string;
  /** `message` in words, when the batch wrote it (an operation's error is its own text). */
  messages?: BatchWords;
}

export const TERMINAL: readonly BatchItemState[] = ['succeeded', 'failed', 'skipped', 'cancelled'];

export function isTerminal(state: BatchItemState): boolean {
  return TERMINAL.includes(state);
}

export class ItemTransitionError extends Error {}

const iso = (ms: number) => new Date(ms).toISOString();

/** The item after `event`; throws on a transition the rules do not allow. */
export function transition(item: BatchItem, event: ItemEvent): BatchItem {
  const refuse = (): never => {
    throw new ItemTransitionError(
      `Batch item ${item.clusterId}: cannot ${event.type} while ${item.state}.`,
    );
  };
  switch (event.type) {
    case 'start':
      if (item.state !== 'pending') refuse();
      return {
        ...item,
        state: 'running',
        attempts: item.attempts + 1,
        attemptedAt: iso(event.at),
        waitingUntil: null,
      };
    case 'started':
      if (item.state !== 'running' || item.operationId !== null) refuse();
      return { ...item, operationId: event.operationId };
    case 'wait':
      if (item.state !== 'running' || item.operationId !== null) refuse();
      return { ...item, state: 'pending', waitingUntil: iso(event.until) };
    case 'ended':
      if (item.state !== 'running' || item.operationId === null) refuse();
      return {
        ...item,
        state: event.outcome === 'succeeded' ? 'succeeded' : 'failed',
        outcome: event.outcome,
        endedAt: iso(event.at),
        error: event.error,
      };
    case 'skip':
      if (item.state !== 'running' || item.operationId !== null) refuse();
      return {
        ...item,
        state: 'skipped',
        reasons: event.reasons,
        reasonMessages: event.reasonMessages ?? [],
        endedAt: iso(event.at),
        waitingUntil: null,
      };
    case 'fail':
      if (item.state !== 'running' && item.state !== 'pending') refuse();
      return {
        ...item,
        state: 'failed',
        endedAt: iso(event.at),
        error: event.error,
        waitingUntil: null,
      };
    case 'cancel':
      if (item.state !== 'pending') refuse();
      return { ...item, state: 'cancelled', endedAt: iso(event.at), waitingUntil: null };
    case 'restore':
      if (item.state !== 'running' || item.operationId !== null) refuse();
      return { ...item, state: 'pending' };
  }
}

/** The state an item of the plan starts applying in. */
export function initialState(status: BatchItem['status']): BatchItemState {
  return status === 'ready' ? 'pending' : 'skipped';
}

export function countItems(items: readonly BatchItem[]): BatchCounts {
  const counts: BatchCounts = {
    total: items.length,
    ready: 0,
    skipped: 0,
    pending: 0,
    running: 0,
    succeeded: 0,
    failed: 0,
    skippedNow: 0,
    cancelled: 0,
  };
  for (const item of items) {
    counts[item.status] += 1;
    if (item.state === 'skipped') counts.skippedNow += 1;
    else counts[item.state] += 1;
  }
  return counts;
}

/** How a batch whose items are all terminal went. */
export function batchResult(items: readonly BatchItem[], cancelled: boolean): BatchResult {
  if (cancelled && items.some((i) => i.state === 'cancelled')) return 'cancelled';
  const ready = items.filter((i) => i.status === 'ready');
  return ready.every((i) => i.state === 'succeeded') ? 'succeeded' : 'failed';
}
