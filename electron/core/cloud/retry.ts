// Bounded retries with full-jitter exponential backoff, for throttling and server errors (and
// network errors when the call is safe to repeat). The cloud's x-acs-retry-after wins over our
// own schedule. A write whose network call failed or timed out is NOT retried: it may have
// landed. test/unit/cloud/retry.test.ts holds the table.
import { sleep } from '../util/sleep';
import { CloudError } from './errors';

export interface RetryPolicy {
  /** Total attempts, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Reads may be repeated after a network error; writes may not. */
  idempotent: boolean;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: Omit<RetryPolicy, 'idempotent'> = {
  maxAttempts: 4,
  baseDelayMs: 400,
  maxDelayMs: 8_000,
};

/**
 * Verbs of the Alibaba Cloud actions that change something (UpdateKMSEncryption,
 * SetDeletionProtection, CreateRole, AttachPolicyToRole, CreateCluster...). A call named so is a
 * write whatever its call site says: repeating it after an answer that never came could do it
 * twice. Reads (Describe*, List*, Get*, Lookup*, Query*, AssumeRole) are not on the list.
 */
const WRITE_VERBS = [
  'Add',
  'Attach',
  'Authorize',
  'Cancel',
  'Create',
  'Delete',
  'Detach',
  'Disable',
  'Enable',
  'Grant',
  'Import',
  'Install',
  'Migrate',
  'Modify',
  'Put',
  'Reboot',
  'Remove',
  'Revoke',
  'Rotate',
  'Run',
  'Scale',
  'Schedule',
  'Set',
  'Start',
  'Stop',
  'Tag',
  'Untag',
  'Update',
  'Upgrade',
];

export function isWriteAction(action: string): boolean {
  // The verb is the leading capitalised word: "SetDeletionProtection" -> "Set".
  const verb = /^[A-Z][a-z]+/.exec(action)?.[0] ?? '';
  return WRITE_VERBS.includes(verb);
}

/** Whether a call may be repeated after a network error: only reads their call site vouches for. */
export function repeatable(action: string, callSiteIdempotent: boolean): boolean {
  return callSiteIdempotent && !isWriteAction(action);
}

export function shouldRetry(error: CloudError, idempotent: boolean): boolean {
  switch (error.kind) {
    case 'throttled':
      return true;
    case 'server':
      // A read is safe to repeat. A write is repeated only on 503 / ServiceUnavailable (the
      // service refused it before doing anything); any other 5xx (a 500, a gateway's 504) may
      // come after the change was made.
      return (
        idempotent ||
        error.cloud.httpStatus === 503 ||
        error.cloud.cloudCode === 'ServiceUnavailable'
      );
    case 'network':
      return idempotent;
    default:
      return false;
  }
}

export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, 60_000);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round((policy.random ?? Math.random)() * ceiling);
}

export async function withRetry<T>(
  attemptOnce: () => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (error: CloudError, attempt: number, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptOnce();
    } catch (error) {
      if (
        !(error instanceof CloudError) ||
        attempt >= policy.maxAttempts ||
        !shouldRetry(error, policy.idempotent)
      ) {
        throw error;
      }
      const delay = backoffDelay(attempt, policy, error.cloud.retryAfterMs);
      onRetry?.(error, attempt, delay);
      await (policy.sleep ?? sleep)(delay);
    }
  }
}
