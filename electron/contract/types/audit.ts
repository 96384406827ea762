// The local audit log: every change, fix action and outcome, one JSON line each. There is no
// field that could hold a secret, on purpose.

// Each list is the one source: the types, the contract's zod enums, the core's checks and the
// renderer's filters all derive from these arrays.
export const AUDIT_ACTIONS = [
  'encryption.enable',
  'encryption.disable',
  'fix.authorizeServiceRole',
  'fix.enableDeletionProtection',
  'fix.enableKey',
  'fix.cancelKeyDeletion',
  'batch.apply',
  'cluster.create',
  'key.create',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** requested: written before the cloud is called; ended: the outcome. */
export const AUDIT_PHASES = ['requested', 'ended'] as const;
export type AuditPhase = (typeof AUDIT_PHASES)[number];

export const AUDIT_RESULTS = [
  'accepted',
  'succeeded',
  'failed',
  'rejected',
  'timed-out',
  'unknown',
  'cancelled',
] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

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
