// Batches: one change (enable with a key, or disable) planned over many clusters, then applied
// with a concurrency limit, pausable, cancellable and resumed after a restart.
import type { Message } from '../messages';
import type { CheckId } from './checks';

/**
 * A reason or note in either language: its sentences, one text joined (messagesText). The
 * English text stays beside it (`reasons`, `notes`, `reason`) for files, `--json` and the audit.
 */
export type BatchWords = Message[];
import type { OperationAction, OperationOutcome } from './operations';

/** Which clusters of the fleet a plan covers; every field narrows it (absent = no limit). */
export interface BatchScope {
  accountIds?: string[];
  regionIds?: string[];
  clusterIds?: string[];
  /** Enable only: leave out clusters whose Secrets are already encrypted (with any key). */
  onlyNotEncrypted?: boolean;
}

/** The key one (account, region) of a plan gets: id, alias (in that region) or ARN. */
export interface BatchKeyAssignment {
  accountId: string;
  regionId: string;
  keyId: string;
}

export interface BatchPlanRequest {
  action: OperationAction;
  /**
   * Enable: the key of every (account, region) the map below leaves out — a key id, an alias
   * (resolved in each cluster's region, so one alias can name the key of every region) or a key
   * ARN. Absent to disable (each cluster's own key).
   */
  keyId?: string;
  /** Enable: the key of each (account, region); wins over `keyId` and `keyChoice`. */
  keys?: BatchKeyAssignment[];
  /**
   * Enable: the recommended key of each (account, region) the map leaves out (see
   * contract/key-choice.ts); a group with none or several is skipped with "choose a key".
   */
  keyChoice?: 'recommended';
  scope?: BatchScope;
}

/** Where a group's key came from; `none` = no key, its clusters are skipped. */
export type BatchKeySource = 'given' | 'plan' | 'recommended' | 'none';

/** One (account, region) of a plan and the key its clusters get. */
export interface BatchKeyGroup {
  accountId: string;
  accountName: string;
  regionId: string;
  /** Clusters of the plan in this group (ready or skipped). */
  clusters: number;
  /** The key reference the group's checklists ran with (as given or recommended), or null. */
  keyRef: string | null;
  /** The key id the ready clusters are changed to (an alias resolved), when the plan saw it. */
  keyId: string | null;
  source: BatchKeySource;
  /** Why the group has no key, and how to fix it (source `none`). */
  reason: string | null;
  /** `reason` in words (absent in batches planned before messages). */
  reasonMessages?: BatchWords | null;
}

/** The plan's verdict on one cluster. */
export type BatchItemStatus = 'ready' | 'skipped';

/** Where one cluster is while the batch is applied. Terminal: all but pending and running. */
export type BatchItemState =
  'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

/** The checklist of one cluster as the plan saw it (the full one is re-run before the start). */
export interface BatchChecklistSummary {
  checkedAt: string;
  ready: boolean;
  pass: number;
  warn: number;
  fail: number;
  unknown: number;
  manual: number;
  failing: CheckId[];
  /** Warnings and checks that could not be made, "id: summary" (they inform, never block). */
  warnings: string[];
}

export interface BatchItem {
  clusterId: string;
  clusterName: string;
  accountId: string;
  accountName: string;
  regionId: string;
  /**
   * Enable, ready items: the key id this cluster is changed to (the plan's alias or ARN resolved
   * in the cluster's region; the change sends this id).
   */
  keyId?: string;
  status: BatchItemStatus;
  /** Why the cluster is skipped (each failing check's id and summary, or a plan rule). */
  reasons: string[];
  /** What the user should know about a ready item (e.g. it will wait for the cooldown). */
  notes: string[];
  /**
   * `reasons` and `notes` in words, one entry each in the same order (absent in batches planned
   * before messages: those show the English text).
   */
  reasonMessages?: BatchWords[];
  noteMessages?: BatchWords[];
  /** null when the checklist was not run (left out by a plan rule, or the account failed). */
  checklist: BatchChecklistSummary | null;
  state: BatchItemState;
  /** The operation of this cluster's change, once started (see operations.list). */
  operationId: string | null;
  /** Starts tried (a start refused inside the cooldown is tried again). */
  attempts: number;
  /** When the last start was tried (ISO 8601). */
  attemptedAt: string | null;
  /** Waiting for the cluster's cooldown until then, before starting again. */
  waitingUntil: string | null;
  endedAt: string | null;
  outcome: OperationOutcome | null;
  error: { code: string; message: string; messages?: BatchWords } | null;
}

export interface BatchCounts {
  total: number;
  /** The plan's verdicts. */
  ready: number;
  skipped: number;
  /** Where the items are now (skipped items count in `skippedNow`). */
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  skippedNow: number;
  cancelled: number;
}

/** planned -> applying <-> paused -> ended; cancelling while started changes end. */
export type BatchState = 'planned' | 'applying' | 'paused' | 'cancelling' | 'ended';

/** How an ended batch went: every ready item succeeded, some did not, or it was cancelled. */
export type BatchResult = 'succeeded' | 'failed' | 'cancelled';

export interface BatchView {
  batchId: string;
  createdAt: string;
  action: OperationAction;
  keyId: string | null;
  scope: BatchScope;
  state: BatchState;
  /** Changes at once while applying (1..10). */
  concurrency: number | null;
  appliedAt: string | null;
  endedAt: string | null;
  result: BatchResult | null;
  items: BatchItem[];
  /**
   * Enable: each (account, region) and its key. Absent in batches planned before key maps
   * existed (they had one keyId for every cluster).
   */
  groups?: BatchKeyGroup[];
  counts: BatchCounts;
  /** What the plan could not see (an account or region that failed to list, an unknown id). */
  problems: string[];
  /** `problems` in words, in the same order (absent in batches planned before messages). */
  problemMessages?: BatchWords[];
}

/** A plan is a batch not applied yet. */
export type BatchPlan = BatchView;

export interface BatchList {
  /** Newest first. */
  batches: BatchView[];
  /** Batch files that could not be read (kept on disk, never silently dropped). */
  problems: string[];
}
