// Bounded retries with full-jitter exponential backoff, for throttling and server errors (and
// network errors when the call is safe to repeat). The cloud's x-acs-retry-after wins over our
// own schedule. A write whose network call failed is NOT retried blindly: it may have landed.
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

export function shouldRetry(error: CloudError, idempotent: boolean): boolean {
  switch (error.kind) {
    case 'throttled':
      return true;
    case 'server':
      // A 5xx means the cloud did not do it... unless the write timed out inside the gateway.
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
