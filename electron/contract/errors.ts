// Errors cross the boundary as data: a stable code, a human sentence, and optional details.
// Never a stack trace, never a secret.

export const ERROR_CODES = [
  /** The request was malformed: wrong shape, bad value, unknown field. */
  'validation',
  /** The channel or call does not exist. */
  'unknown-call',
  /** The thing asked for does not exist (account, cluster, operation). */
  'not-found',
  /** It exists already, or something else is in flight (name taken, change running). */
  'conflict',
  /** The checklist has failing items; details.failing lists their ids. */
  'checklist-not-ready',
  /** Alibaba Cloud refused or failed; details carry kind, cloud code, HTTP status, request id. */
  'cloud',
  /** The OS keychain is missing, locked, or did not answer. */
  'keychain',
  /** A local file could not be read or written (data directory, journal, audit log). */
  'storage',
  /** The request was sent by someone other than our own window. */
  'forbidden-sender',
  /** Anything we did not foresee; the message is generic and the log has the rest. */
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ContractError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * The one error type the core throws on purpose. Its message must already be fit for a user:
 * what went wrong and how to fix it.
 */
export class GuardError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'GuardError';
    this.code = code;
    this.details = details;
  }

  toContract(): ContractError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isContractError(value: unknown): value is ContractError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.message === 'string' &&
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code)
  );
}
