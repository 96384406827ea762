// Proof from ActionTrail that a Secret-encryption change took effect, and its receipt.
export { verifyEncryption, isMissingEndpoint, MAX_PAGES } from './verify';
export type { HostLookup, VerifyInput, VerifyOptions } from './verify';
export { receipt, buildReceipt } from './receipt';
export type { ReceiptContext } from './receipt';
export {
  ACTIONTRAIL_LAG_MS,
  ASSUMED_CHANGE_DURATION_MS,
  DISABLE_GRACE_MS,
  ENABLE_EVIDENCE_DEADLINE_MS,
  CHANGE_EVENT_DEADLINE_MS,
  decide,
} from './decide';
export type { Evidence } from './decide';
export { SERVICE_ROLE_NAME, isServiceRoleEvent } from './evidence';
