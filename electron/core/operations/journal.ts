// The operation journal: an append-only record of every encryption change, written (and synced)
// BEFORE the cloud is asked and at every step after, so a crash, a kill or a closed laptop loses
// nothing: on start, unfinished entries are followed again. Folding the records gives each
// operation's current view.
import type {
  OperationAction,
  OperationError,
  OperationOutcome,
  OperationView,
} from '../../contract/types/operations';
import { JsonlJournal, recordHead, isRecordedError, isText, isTextOrNull } from '../util/journal';

export const JOURNAL_FILE = 'operations.jsonl';

interface Base {
  v: 1;
  opId: string;
  /** Real (wall-clock) milliseconds. */
  at: number;
  /**
   * The same moment in the cloud's clock, when it differs (the simulated cloud runs faster):
   * the ActionTrail proof searches the cloud's events by it.
   */
  cloudAt?: number;
}

export type JournalRecord =
  | (Base & {
      type: 'intent';
      accountId: string;
      accountName: string;
      clusterId: string;
      clusterName: string;
      regionId: string;
      action: OperationAction;
      keyId: string | null;
    })
  | (Base & { type: 'requested'; requestId: string | null; uncertain: boolean })
  | (Base & { type: 'observed'; phase: 'updating'; clusterState: string })
  | (Base & {
      type: 'ended';
      outcome: OperationOutcome;
      clusterState: string | null;
      error: OperationError | null;
    });

const OUTCOMES: readonly OperationOutcome[] = [
  'succeeded',
  'failed',
  'rejected',
  'timed-out',
  'unknown',
];

/**
 * Checks every field a record's type needs (an out-of-range time used to throw "Invalid time
 * value" from each list of operations).
 */
function isRecord(value: unknown): value is JournalRecord {
  const r = recordHead(value, 'opId');
  if (!r) return false;
  switch (r.type) {
    case 'intent':
      return (
        isText(r.accountId) &&
        isText(r.accountName) &&
        isText(r.clusterId) &&
        isText(r.clusterName) &&
        isText(r.regionId) &&
        (r.action === 'enable' || r.action === 'disable') &&
        isTextOrNull(r.keyId)
      );
    case 'requested':
      return isTextOrNull(r.requestId) && typeof r.uncertain === 'boolean';
    case 'observed':
      return r.phase === 'updating' && isText(r.clusterState);
    case 'ended':
      return (
        OUTCOMES.includes(r.outcome as OperationOutcome) &&
        isTextOrNull(r.clusterState) &&
        isRecordedError(r.error)
      );
    default:
      return false;
  }
}

/** What the journal knows of one operation, plus what the poller knows live. */
export interface JournalEntry {
  view: OperationView;
  /** The request may have reached the cloud without our knowing (network error on the call). */
  uncertain: boolean;
  /** When the request was made and the change ended, in the cloud's clock (ms), if recorded. */
  cloud?: { requestedAt?: number; endedAt?: number };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

type Intent = Extract<JournalRecord, { type: 'intent' }>;

/** The view of an operation right after its intent was journaled. */
export function viewOfIntent(r: Intent): OperationView {
  return {
    operationId: r.opId,
    clusterId: r.clusterId,
    clusterName: r.clusterName,
    accountId: r.accountId,
    accountName: r.accountName,
    regionId: r.regionId,
    action: r.action,
    keyId: r.keyId,
    phase: 'requested',
    outcome: null,
    requestId: null,
    clusterState: null,
    startedAt: iso(r.at)!,
    requestedAt: null,
    updatingSeenAt: null,
    endedAt: null,
    lastPollAt: null,
    nextPollAt: null,
    polls: 0,
    slow: false,
    note: null,
    error: null,
  };
}

export function fold(records: JournalRecord[]): Map<string, JournalEntry> {
  const entries = new Map<string, JournalEntry>();
  for (const r of records) {
    if (r.type === 'intent') {
      if (entries.has(r.opId)) continue; // a duplicate intent changes nothing
      entries.set(r.opId, { uncertain: false, view: viewOfIntent(r) });
      continue;
    }
    const entry = entries.get(r.opId);
    if (!entry || entry.view.phase === 'ended') continue; // nothing after the end counts
    const view = entry.view;
    if (r.cloudAt !== undefined && (r.type === 'requested' || r.type === 'ended')) {
      entry.cloud = {
        ...entry.cloud,
        [r.type === 'requested' ? 'requestedAt' : 'endedAt']: r.cloudAt,
      };
    }
    if (r.type === 'requested') {
      view.requestId = r.requestId;
      view.requestedAt = iso(r.at);
      entry.uncertain = r.uncertain;
    } else if (r.type === 'observed') {
      view.phase = 'updating';
      view.updatingSeenAt ??= iso(r.at);
      view.clusterState = r.clusterState;
    } else {
      view.phase = 'ended';
      view.outcome = r.outcome;
      view.endedAt = iso(r.at);
      view.clusterState = r.clusterState ?? view.clusterState;
      view.error = r.error;
      view.nextPollAt = null;
    }
  }
  return entries;
}

export class Journal extends JsonlJournal<JournalRecord, JournalEntry> {
  constructor(dataDir: string) {
    super(dataDir, {
      file: JOURNAL_FILE,
      what: 'operation journal',
      withoutIt: 'the change is not started',
      isRecord,
      fold,
    });
  }

  /**
   * When a change of this cluster last ended, succeeded or failed (for the cooldown check). A
   * change's end is journaled before anyone is told of it, so the file alone has the answer.
   */
  async lastChangeEndedAt(clusterId: string): Promise<number | null> {
    const { entries } = await this.read();
    const ended = [...entries.values()]
      .map((e) => e.view)
      .filter(
        (o) =>
          o.clusterId === clusterId &&
          o.endedAt &&
          (o.outcome === 'succeeded' || o.outcome === 'failed'),
      )
      .map((o) => Date.parse(o.endedAt!));
    return ended.length ? Math.max(...ended) : null;
  }
}
