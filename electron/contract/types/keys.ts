// KMS keys and whether they can encrypt an ACK cluster's Secrets.

/** Why a key cannot be used for ACK Secret encryption (every reason is listed). */
export type KeyIneligibleReason =
  | 'wrong-spec' // not Aliyun_AES_256
  | 'wrong-usage' // not ENCRYPT/DECRYPT
  | 'not-enabled' // Disabled or PendingImport
  | 'pending-deletion'
  | 'rotation-on' // automatic rotation Enabled (the ACK@Edge doc requires it off)
  | 'service-key' // created by a cloud service, not the user
  | 'wrong-region'; // not in the cluster's region

/**
 * Whether a key is suggested for a cluster's Secret encryption (contract/key-recommendation.ts):
 * `used-here` and `protected-unused` are recommended; the others say why not.
 */
export type KeyRecommendation =
  | 'used-here' // this account already uses it in this region
  | 'protected-unused' // deletion protection on, used by no cluster
  | 'protection-off' // eligible, but deletion protection is off
  | 'protection-unknown' // eligible, but KMS did not report deletion protection
  | 'ineligible'; // see reasons

/** Key health beside a cluster's posture (UX.md). */
export type KeyHealth =
  | 'ok'
  | 'rotation-on'
  | 'disabled'
  | 'pending-deletion'
  | 'deletion-protection-off'
  | 'not-found'
  | 'unknown';

export interface KmsKeySummary {
  keyId: string;
  arn: string;
  regionId: string;
  aliases: string[];
  keySpec: string;
  keyUsage: string;
  keyState: string;
  /** `Enabled` / `Disabled` / `Suspended`; null when KMS did not say (unknown). */
  automaticRotation: string | null;
  /** `Enabled` / `Disabled`; null when KMS did not say (unknown). */
  deletionProtection: string | null;
  protectionLevel: string;
  creator: string | null;
  /** KMS instance (KMS 3.0) the key lives in, if any. */
  dkmsInstanceId: string | null;
  deleteDate: string | null;
  eligible: boolean;
  reasons: KeyIneligibleReason[];
  health: KeyHealth;
  /** Clusters of the last fleet snapshot that use this key. */
  usedBy: string[];
  recommendation: KeyRecommendation;
}

export interface KeyList {
  accountId: string;
  regionId: string;
  keys: KmsKeySummary[];
  /** The key to preselect: the only recommended one, or null when none or several are. */
  recommendedKeyId: string | null;
}

/** What `keys.create` made: a key ACK can encrypt Secrets with, protected and named. */
export interface KeyCreated {
  accountId: string;
  regionId: string;
  alias: string;
  /** The key as KMS reads it after the three calls (spec, usage, protection, alias). */
  key: KmsKeySummary;
  /** What was done, in order (for the window and the CLI). */
  steps: string[];
  requestIds: string[];
}
