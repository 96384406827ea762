// Errors cross the boundary as data: a stable code, a human sentence, and optional details.
// Never a stack trace, never a secret. The sentence may also come as a catalog message (`msg`),
// which the window and the CLI word in the user's language; `message` stays English (logs, --json).
import { formatMessage } from './messages/format';
import type { Message, MessageLang } from './messages/format';

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
  /** English: what the log and `--json` keep; equal to formatMessage(msg, 'en') when msg is set. */
  message: string;
  /** The same sentence as a catalog key and parameters, for the user's language. */
  msg?: Message;
  details?: Record<string, unknown>;
}

/**
 * A sentence kept as data (an error, an operation's error, a notice) in `lang`: its message
 * when the core sent one, else the English text.
 */
export function wordedText(
  said: { message: string; msg?: Message | undefined },
  lang: MessageLang = 'en',
): string {
  return said.msg ? formatMessage(said.msg, lang) : said.message;
}

/**
 * The one error type the core throws on purpose. Its message must already be fit for a user:
 * what went wrong and how to fix it.
 */
export class GuardError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  /** The sentence as a catalog message; unset for rare internal errors that stay English. */
  readonly msg: Message | undefined;

  /**
   * With a Message, the English text is formatMessage(msg, 'en'), so the two cannot drift.
   * A plain string is English only (rare internal errors).
   */
  constructor(code: ErrorCode, message: string | Message, details?: Record<string, unknown>) {
    super(typeof message === 'string' ? message : formatMessage(message, 'en'));
    this.name = 'GuardError';
    this.code = code;
    this.details = details;
    this.msg = typeof message === 'string' ? undefined : message;
  }

  toContract(): ContractError {
    return {
      code: this.code,
      message: this.message,
      ...(this.msg ? { msg: this.msg } : {}),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export function isContractError(value: unknown): value is ContractError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.message === 'string' &&
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code) &&
    (v.msg === undefined || isMessage(v.msg))
  );
}

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m.key === 'string' &&
    (m.params === undefined || (typeof m.params === 'object' && m.params !== null))
  );
}

/**
 * An error as a parameter of another message: its own message when it has one (so it is worded
 * in the same language), else its English text.
 */
export function errorParam(error: unknown): Message | string {
  if (error instanceof GuardError && error.msg) return error.msg;
  return error instanceof Error ? error.message : String(error);
}
