// The key guard: which KMS keys the fleet's encrypted clusters depend on, what is wrong with them
// (a key disabled or pending deletion strands every cluster that uses it), who did it, and the
// fixes the app can make.

/** A cluster that depends on a key. */
export interface KeyDependent {
  clusterId: string;
  name: string;
  /** Our local account id and display name. */
  accountId: string;
  accountName: string;
  /** The Alibaba Cloud account (uid), when known. */
  cloudAccountId: string | null;
  regionId: string;
}

/** One key in use and every cluster (across accounts and regions) that depends on it. */
export interface KeyInUse {
  keyId: string;
  regionId: string;
  /** The Alibaba Cloud account that owns the key: from its ARN, else the clusters' account. */
  ownerCloudAccountId: string | null;
  aliases: string[];
  clusters: KeyDependent[];
  /** Distinct Alibaba Cloud accounts (uids, or local ids when unknown) of those clusters. */
  cloudAccounts: string[];
  /** Clusters of more than one Alibaba Cloud account use this key (a shared key). */
  crossAccount: boolean;
}

export type KeyFindingKind =
  | 'key-pending-deletion'
  | 'key-disabled'
  | 'key-pending-import'
  | 'key-not-found'
  | 'kms-instance-expired'
  | 'key-unreadable'
  | 'deletion-protection-off'
  | 'rotation-on'
  | 'kms-instance-expiring';

/** critical: the clusters lose (or are about to lose) their Secrets; warning: a guard is missing. */
export type KeyFindingSeverity = 'critical' | 'warning';

/** A fix the app can make for a finding, behind a confirmation. */
export type KeyFixAction = 'enable-key' | 'cancel-key-deletion' | 'enable-deletion-protection';

/** Who changed the key, from ActionTrail. */
export interface KeyActor {
  /** `userIdentity.userName` (a RAM user, `root`, or `<role>:<session>`). */
  userName: string | null;
  /** `userIdentity.type`: root-account, ram-user, assumed-role, ... */
  type: string | null;
  eventName: string;
  eventTime: string;
  requestId: string | null;
  sourceIpAddress: string | null;
}

export interface KeyWhoDidIt {
  /**
   * found: the record is there. not-yet: none so far (ActionTrail delivers events up to 10
   * minutes late; asked again on a later sweep). not-found: none in the last 7 days.
   * unavailable: ActionTrail could not be asked (no endpoint, permission, network).
   */
  status: 'found' | 'not-yet' | 'not-found' | 'unavailable';
  actor: KeyActor | null;
  /** Why unavailable (English, for logs and the CLI). */
  note: string | null;
  checkedAt: string;
}

export interface KeyFinding {
  /** Stable across sweeps while the same thing stays wrong (a new deletion date is a new one). */
  id: string;
  kind: KeyFindingKind;
  severity: KeyFindingSeverity;
  keyId: string;
  regionId: string;
  aliases: string[];
  /** The saved account the key was read with, and that a fix would use. */
  accountId: string;
  accountName: string;
  ownerCloudAccountId: string | null;
  keyState: string | null;
  /** When a key pending deletion is deleted for good (ISO 8601): the countdown. */
  deleteDate: string | null;
  kmsInstanceId: string | null;
  /** When the KMS instance expires (ISO 8601). */
  kmsInstanceEndDate: string | null;
  clusters: KeyDependent[];
  crossAccount: boolean;
  /** One English sentence for the CLI and logs; the window words it from kind and fields. */
  summary: string;
  fix: { action: KeyFixAction | null; hint: string; consoleUrl?: string };
  /** For critical findings: who changed the key, from ActionTrail. */
  whoDidIt: KeyWhoDidIt | null;
  /** When this app first saw the finding. */
  firstSeenAt: string;
  /**
   * Set when the key's account runs on a simulated clock (the demo): deleteDate, the KMS
   * instance's end and the ActionTrail eventTime are that clock's, not the wall clock's. Absent
   * or null: the real cloud (its times are wall-clock times).
   */
  simulatedClock?: SimulatedClock | null;
}

/** A simulated cloud's clock, read once: at wall time `realAt` its own time was `cloudNow`. */
export interface SimulatedClock {
  cloudNow: string;
  realAt: string;
  /** Simulated milliseconds per real millisecond. */
  scale: number;
}

export interface KeyHealthReport {
  /** When the sweep ran (ISO 8601); null before the first sweep. */
  checkedAt: string | null;
  /** The fleet snapshot the sweep looked at. */
  fleetFetchedAt: string | null;
  keys: KeyInUse[];
  /** Critical first, then by deletion date, then by key. */
  findings: KeyFinding[];
  critical: number;
  warnings: number;
  /** What the sweep could not look at (English, one line each). */
  problems: string[];
}

/** Sent once per critical finding the app has not told the user about (remembered on disk). */
export interface KeyCriticalFound {
  findings: KeyFinding[];
}

/** What a key fix did. */
export interface KeyFixResult {
  fix: KeyFixAction;
  keyId: string;
  regionId: string;
  /** False when the key was already fine (the fix is idempotent). */
  changed: boolean;
  steps: string[];
  requestIds: string[];
  /** Only for a dry run (`dryRun: true`): what was read and what would be sent. */
  dryRun?: KeyFixPreview;
}

/** A key fix not made: the key as DescribeKey reads it now and the one KMS call it would send. */
export interface KeyFixPreview {
  sent: false;
  key: {
    keyId: string;
    keyState: string | null;
    deletionProtection: string | null;
    deleteDate: string | null;
  };
  /** null: nothing to send (already fixed, or refused: see `refused`). */
  request: {
    product: 'kms';
    action: string;
    regionId: string;
    params: Record<string, string | boolean>;
  } | null;
  /** Why the fix cannot be made in this state (what a real fix would refuse with). */
  refused: string | null;
}
