// The local, append-only audit log: every change, fix action and outcome.
export { AuditLog, AUDIT_FILE_NAME } from './audit-log';
export { AUDIT_ACTIONS, AUDIT_PHASES, AUDIT_RESULTS } from '../../contract/types/audit';
export { normaliseEntry } from './entry';
export type { AuditEntryInput } from './entry';
