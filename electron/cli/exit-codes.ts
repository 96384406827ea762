import type { ContractError } from '../contract';

/** Exit codes promised to scripts (README, issue specs). */
export const EXIT = {
  ok: 0,
  /** Anything else: an internal error, a change that failed or timed out. */
  failure: 1,
  /** Usage error or invalid input. */
  usage: 2,
  /** The checklist is not ready. */
  notReady: 3,
  /** The cloud or the credentials refused. */
  cloud: 4,
  /** `keys health`: a critical finding stands (a key disabled, pending deletion, gone...). */
  keyCritical: 5,
  /** `keys health`: warnings only (deletion protection off, rotation on...). */
  keyWarnings: 6,
  /** Ctrl-C while following a change (128 + SIGINT, as shells report it); the change goes on. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Maps a contract error code to the exit code scripts rely on. */
export function exitCodeFor(error: ContractError): ExitCode {
  switch (error.code) {
    case 'validation':
    case 'unknown-call':
    case 'not-found':
    case 'conflict':
      return EXIT.usage;
    case 'checklist-not-ready':
      return EXIT.notReady;
    case 'cloud':
    case 'keychain':
      return EXIT.cloud;
    default:
      return EXIT.failure;
  }
}
