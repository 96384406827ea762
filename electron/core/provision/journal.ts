// The creation journal: the operations journal's idea for new clusters, in its own file
// (util/journal.ts). The intent is written and synced BEFORE CreateCluster is sent, and every
// step after, so a killed app resumes following the creation.
import type {
  CreationError,
  CreationOutcome,
  CreationProof,
  CreationView,
} from '../../contract/types/provision';
import { JsonlJournal, recordHead, isText, isTextOrNull } from '../util/journal';

export const CREATIONS_FILE = 'creations.jsonl';

interface Base {
  v: 1;
  creationId: string;
  /** Real (wall-clock) milliseconds. */
  at: number;
  /** The same moment in the cloud's clock, when it differs (the simulated cloud runs faster). */
  cloudAt?: number;
}

export type CreationRecord =
  | (Base & {
      type: 'intent';
      accountId: string;
      accountName: string;
      regionId: string;
      name: string;
      keyId: string;
      /** The exact body sent (no secret can be in it: names, ids and CIDRs). */
      body: Record<string, unknown>;
    })
  | (Base & {
      type: 'requested';
      clusterId: string | null;
      taskId: string | null;
      requestId: string | null;
      /** The call's answer never came back: the cluster may or may not exist. */
      uncertain: boolean;
    })
  | (Base & { type: 'found'; clusterId: string })
  | (Base & { type: 'running'; keyInMetaData: string | null })
  | (Base & { type: 'proof'; proof: CreationProof })
  | (Base & {
      type: 'ended';
      outcome: CreationOutcome;
      clusterState: string | null;
      error: CreationError | null;
    });

const OUTCOMES: readonly CreationOutcome[] = [
  'verified',
  'encrypted',
  'key-missing',
  'failed',
  'rejected',
  'timed-out',
  'unknown',
];
/** Checks every field a record's type needs (a bad line is skipped: util/journal.ts). */
function isRecord(value: unknown): value is CreationRecord {
  const r = recordHead(value, 'creationId');
  if (!r) return false;
  switch (r.type) {
    case 'intent':
      return (
        isText(r.accountId) &&
        isText(r.accountName) &&
        isText(r.regionId) &&
        isText(r.name) &&
        isText(r.keyId) &&
        typeof r.body === 'object' &&
        r.body !== null
      );
    case 'requested':
      return (
        isTextOrNull(r.clusterId) &&
        isTextOrNull(r.taskId) &&
        isTextOrNull(r.requestId) &&
        typeof r.uncertain === 'boolean'
      );
    case 'found':
      return isText(r.clusterId);
    case 'running':
      return isTextOrNull(r.keyInMetaData);
    case 'proof':
      return typeof r.proof === 'object' && r.proof !== null;
    case 'ended':
      return OUTCOMES.includes(r.outcome as CreationOutcome) && isTextOrNull(r.clusterState);
    default:
      return false;
  }
}

export interface CreationEntry {
  view: CreationView;
  body: Record<string, unknown>;
  uncertain: boolean;
  /** Cloud-clock times of the request and of running, when recorded. */
  cloud: { requestedAt?: number; runningAt?: number };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function viewOfIntent(r: Extract<CreationRecord, { type: 'intent' }>): CreationView {
  return {
    creationId: r.creationId,
    accountId: r.accountId,
    accountName: r.accountName,
    regionId: r.regionId,
    name: r.name,
    keyId: r.keyId,
    phase: 'requested',
    outcome: null,
    clusterId: null,
    taskId: null,
    requestId: null,
    clusterState: null,
    taskStage: null,
    keyInMetaData: null,
    startedAt: iso(r.at),
    requestedAt: null,
    runningAt: null,
    endedAt: null,
    lastPollAt: null,
    nextPollAt: null,
    polls: 0,
    note: null,
    error: null,
    proof: null,
    fallbackAfter: null,
  };
}

export function fold(records: CreationRecord[]): Map<string, CreationEntry> {
  const entries = new Map<string, CreationEntry>();
  for (const r of records) {
    if (r.type === 'intent') {
      if (!entries.has(r.creationId))
        entries.set(r.creationId, {
          view: viewOfIntent(r),
          body: r.body,
          uncertain: false,
          cloud: {},
        });
      continue;
    }
    const entry = entries.get(r.creationId);
    if (!entry) continue;
    const view = entry.view;
    // A proof may be looked for again after the end; nothing else counts after it.
    if (view.phase === 'ended' && r.type !== 'proof') continue;
    switch (r.type) {
      case 'requested':
        Object.assign(view, {
          clusterId: r.clusterId,
          taskId: r.taskId,
          requestId: r.requestId,
          requestedAt: iso(r.at),
          phase: 'creating',
        });
        entry.uncertain = r.uncertain;
        if (r.cloudAt !== undefined) entry.cloud.requestedAt = r.cloudAt;
        break;
      case 'found':
        view.clusterId = r.clusterId;
        entry.uncertain = false;
        break;
      case 'running':
        Object.assign(view, {
          phase: 'verifying',
          runningAt: iso(r.at),
          clusterState: 'running',
          keyInMetaData: r.keyInMetaData,
        });
        if (r.cloudAt !== undefined) entry.cloud.runningAt = r.cloudAt;
        break;
      case 'proof':
        view.proof = r.proof;
        break;
      case 'ended':
        Object.assign(view, {
          phase: 'ended',
          outcome: r.outcome,
          endedAt: iso(r.at),
          clusterState: r.clusterState ?? view.clusterState,
          error: r.error ?? null,
          nextPollAt: null,
        });
        break;
    }
  }
  return entries;
}

export class CreationJournal extends JsonlJournal<CreationRecord, CreationEntry> {
  constructor(dataDir: string) {
    super(dataDir, {
      file: CREATIONS_FILE,
      what: 'creation journal',
      withoutIt: 'nothing is created',
      isRecord,
      fold,
    });
  }
}
