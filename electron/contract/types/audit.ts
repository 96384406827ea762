// The local audit log: every change, fix action and outcome, one JSON line each. There is no
// field that could hold a secret, on purpose.

export type AuditAction =
  | 'encryption.enable'
  | 'encryption.disable'
  | 'fix.authorizeServiceRole'
  | 'fix.enableDeletionProtection'
  | 'batch.apply'
  | 'cluster.create';

/** requested: written before the cloud is called; ended: the outcome. */
export type AuditPhase = 'requested' | 'ended';

export type AuditResult =
  'accepted' | 'succeeded' | 'failed' | 'rejected' | 'timed-out' | 'unknown' | 'cancelled';

export interface AuditEntry {
  id: string;
  /** ISO 8601 UTC. */
  time: string;
  /** Our local account id and display name. */
  accountId: string;
  accountName: string;
  /** The Alibaba Cloud account (uid), when known. */
  cloudAccountId: string | null;
  clusterId: string | null;
  clusterName: string | null;
  regionId: string | null;
  action: AuditAction;
  phase: AuditPhase;
  keyId: string | null;
  /** The cloud's request id (x-acs-request-id), when a call was made. */
  requestId: string | null;
  result: AuditResult;
  /** Redacted before it is written. */
  error: { code: string; message: string } | null;
  /** The operation (journal entry) this belongs to, if any. */
  operationId: string | null;
}

export interface AuditFilter {
  accountId?: string;
  clusterId?: string;
  action?: AuditAction;
  result?: AuditResult;
  /** Inclusive bounds on `time` (ISO string or Date). */
  since?: string | Date;
  until?: string | Date;
  /** At most this many entries (the newest ones). */
  limit?: number;
  /** Default 'newest-first'. */
  order?: 'newest-first' | 'oldest-first';
}

export interface AuditListResult {
  entries: AuditEntry[];
  /** Lines that could not be read (torn by a crash, corrupt), each with its line number. */
  problems: string[];
}
