// Encryption changes as the user follows them: requested -> updating -> ended (-> verified).
import type { Message } from '../messages';

export type OperationAction = 'enable' | 'disable';

/** Where a change is. `ended` carries an outcome. */
export type OperationPhase = 'requested' | 'updating' | 'ended';

export type OperationOutcome =
  | 'succeeded' // running again with the target in meta_data
  | 'failed' // the cluster went updating_failed/failed/stopped/deleting, or came back without the target
  | 'rejected' // the cloud refused the request (nothing changed)
  | 'timed-out' // past the limit: the change may still end in the cloud
  | 'unknown'; // we cannot tell whether the cloud accepted or applied it

export interface OperationError {
  code: string;
  /** English (the journal, logs); `msg` words it in the user's language when present. */
  message: string;
  msg?: Message;
  requestId: string | null;
}

export interface OperationView {
  operationId: string;
  clusterId: string;
  clusterName: string;
  accountId: string;
  accountName: string;
  regionId: string;
  action: OperationAction;
  /** The key to enable with, or the key that was in use when disabling. */
  keyId: string | null;
  phase: OperationPhase;
  outcome: OperationOutcome | null;
  /** The cloud's request id of UpdateKMSEncryption (x-acs-request-id). */
  requestId: string | null;
  clusterState: string | null;
  startedAt: string;
  requestedAt: string | null;
  updatingSeenAt: string | null;
  endedAt: string | null;
  lastPollAt: string | null;
  nextPollAt: string | null;
  polls: number;
  /** Past the usual duration (20 min): still followed. */
  slow: boolean;
  /** The last problem while following (throttling, network), cleared when a poll succeeds. */
  note: string | null;
  /** The same note as a catalog message (the reader's language); null with `note`. */
  noteMsg?: Message | null;
  error: OperationError | null;
}

export interface OperationList {
  operations: OperationView[];
  /** Lines of the journal that could not be read (kept aside, never silently lost). */
  problems: string[];
}

/** What an in-app fix did (each is an explicit, audited user action). */
export interface FixResult {
  fix: 'authorize-service-role' | 'enable-deletion-protection';
  /** What was done, step by step (e.g. "created the role", "attached the policy"). */
  steps: string[];
  requestIds: string[];
}
