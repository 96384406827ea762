// Proof from ActionTrail that a Secret-encryption change took effect (docs/alibaba-cloud-api.md
// §8). Pure types: the renderer shows these and the CLI prints them.

export type VerifyAction = 'enable' | 'disable';

/**
 * verified: the change event and the expected KMS traffic (or, for disable, its absence) were seen.
 * pending: not yet provable; ActionTrail shows events up to ~10 minutes late. Look again after
 *   `nextCheckAfter`.
 * not-verified: enough time has passed and the evidence is missing or shows errors (see `reason`).
 * unavailable: ActionTrail cannot be asked in this region (no endpoint) or its records are gone.
 */
export type VerifyStatus = 'verified' | 'pending' | 'not-verified' | 'unavailable';

/** Machine-readable cause behind the status, for the renderer's own translated text. */
export type VerifyReason =
  | 'change-and-kms-events-found' // enable: verified
  | 'no-kms-events-after-change' // disable: verified
  | 'waiting-for-change-event'
  | 'waiting-for-kms-events'
  | 'waiting-for-quiet-period' // disable: grace period + ActionTrail lag not over yet
  | 'change-event-missing'
  | 'change-event-failed'
  | 'kms-events-missing'
  | 'kms-events-failed'
  | 'kms-events-after-disable'
  | 'no-permission'
  | 'region-without-actiontrail'
  | 'outside-retention';

/** The UpdateKMSEncryption record of this change. */
export interface VerifyChangeEvent {
  eventId: string;
  eventTime: string;
  /** The cloud's request id as ActionTrail recorded it. */
  requestId: string | null;
  /** Who made the change (ActionTrail userIdentity.userName, e.g. "root" or "alice"). */
  user: string | null;
  errorCode: string | null;
}

/** One Encrypt/Decrypt by AliyunCSManagedSecurityRole. */
export interface VerifyKmsEvent {
  eventId: string;
  eventName: string;
  eventTime: string;
  /** The key the event names; null when the record does not say (Decrypt may not). */
  keyId: string | null;
  /** e.g. "aliyuncsmanagedsecurityrole:<session>". */
  user: string | null;
  errorCode: string | null;
}

export interface VerifyKmsCounts {
  /**
   * AliyunCSManagedSecurityRole events (that role exactly) for the key, or naming no key, since
   * the change started; when some name this cluster, only those.
   */
  encrypt: number;
  decrypt: number;
  /** Of those, how many carry an errorCode. */
  failed: number;
  /** Of those, how many name no key at all (counted as this key's: a guess, see verify docs). */
  withoutKeyId: number;
  /** Of those, how many name this cluster (in the role session or the encryption context). */
  namingCluster: number;
  /** Of those, how many are later than the change's end plus the grace period (disable). */
  afterQuietStart: number;
  /** Every event ActionTrail returned to the Encrypt/Decrypt queries (any caller, any key). */
  scanned: number;
  /** The page limit was reached: older matching events may exist that were not read. */
  truncated: boolean;
}

export interface VerifyResult {
  clusterId: string;
  regionId: string;
  keyId: string;
  action: VerifyAction;
  status: VerifyStatus;
  reason: VerifyReason;
  /** One English sentence; the renderer shows its own translation of `reason`. */
  summary: string;
  changeEvent: VerifyChangeEvent | null;
  /** A bounded sample, newest first. */
  kmsEvents: VerifyKmsEvent[];
  kmsCounts: VerifyKmsCounts;
  /** Cloud error code behind the result, when there was one (e.g. NoPermission). */
  errorCode: string | null;
  /** ISO time the check ran (the clock of `now` passed in). */
  checkedAt: string;
  /** ISO time to look again; set only when pending. */
  nextCheckAfter: string | null;
}

/** A saved proof: what was changed, by whom, and what ActionTrail shows. Never a secret. */
export interface VerifyReceipt {
  kind: 'ack-secret-guard.verify-receipt';
  version: 1;
  generatedAt: string;
  account: { name: string; cloudAccountId: string | null };
  cluster: { id: string; name: string | null };
  regionId: string;
  keyId: string;
  action: VerifyAction;
  change: { startedAt: string | null; endedAt: string | null; requestId: string | null };
  verification: {
    status: VerifyStatus;
    reason: VerifyReason;
    summary: string;
    checkedAt: string;
    nextCheckAfter: string | null;
    errorCode: string | null;
  };
  changeEvent: VerifyChangeEvent | null;
  kmsEvents: VerifyKmsEvent[];
  kmsCounts: VerifyKmsCounts;
}

/** verify.run's answer: the result, and the receipt ready to save (JSON and readable text). */
export interface VerifyReport {
  result: VerifyResult;
  receipt: { json: VerifyReceipt; text: string };
}
