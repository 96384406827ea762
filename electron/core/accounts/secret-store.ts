// Where account secrets live: the OS keychain, one item per account holding a JSON blob of that
// account's secrets. There is no plain-text backend. Every call, whatever the backend, goes
// through `guardSecretStore`, which bounds it with a timeout (a locked keyring with a display
// waits forever for an unlock prompt) and turns failures into one clear GuardError('keychain').
import { GuardError, message } from '../../contract';
import type { MessageKey } from '../../contract';
import { registerKnownSecret } from '../log/redact';
import type { AccountSecrets } from './types';
import { messageOf } from '../../contract';

export const KEYCHAIN_SERVICE = 'ack-secret-guard';
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 10_000;

/** A keychain backend: the real one (keyring-store.ts) or a fake in tests. */
export interface SecretStore {
  get(accountId: string): Promise<AccountSecrets | null>;
  set(accountId: string, secrets: AccountSecrets): Promise<void>;
  /** True if an item was deleted, false if there was none. */
  delete(accountId: string): Promise<boolean>;
}

export type KeychainFailure =
  'no-session-bus' | 'no-secret-service' | 'no-keyring' | 'locked' | 'timeout' | 'failed';

/** The fix for each failure (the catalog's error.keychain.advice.*). */
const ADVICE = {
  'no-session-bus': 'error.keychain.advice.no-session-bus',
  'no-secret-service': 'error.keychain.advice.no-secret-service',
  'no-keyring': 'error.keychain.advice.no-keyring',
  locked: 'error.keychain.advice.locked',
  timeout: 'error.keychain.advice.timeout',
  failed: 'error.keychain.advice.failed',
} as const satisfies Record<KeychainFailure, MessageKey>;

/** Tells the known failure modes apart by the platform's message. */
export function classifyKeychainError(message: string): KeychainFailure {
  if (
    /DBUS_SESSION_BUS_ADDRESS|autolaunch|Unable to autolaunch|Failed to connect to socket|No such file or directory/i.test(
      message,
    )
  )
    return 'no-session-bus';
  if (
    /org\.freedesktop\.secrets was not provided|ServiceUnknown|not provided by any \.service/i.test(
      message,
    )
  )
    return 'no-secret-service';
  if (/locked|prompt was dismissed|unlock/i.test(message)) return 'locked';
  if (/no result found|Object does not exist|no such object|collection/i.test(message))
    return 'no-keyring';
  return 'failed';
}

type Operation = 'read' | 'save' | 'delete';

export function keychainError(
  failure: KeychainFailure,
  operation: Operation,
  platformMessage?: string,
): GuardError {
  const platform = platformMessage?.slice(0, 200);
  const advice =
    failure === 'failed' && platform
      ? message('error.keychain.advice.failedWith', { platform })
      : message(ADVICE[failure]);
  return new GuardError('keychain', message(`error.keychain.${operation}`, { advice }), {
    reason: failure,
    operation,
    ...(platformMessage ? { platformMessage: platformMessage.slice(0, 200) } : {}),
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, operation: Operation): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(keychainError('timeout', operation)), ms);
    // A stuck keychain call must not keep a CLI process alive once everything else is done.
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function asKeychainError(error: unknown, operation: Operation): GuardError {
  if (error instanceof GuardError && error.code === 'keychain') return error;
  const message = messageOf(error);
  return keychainError(classifyKeychainError(message), operation, message);
}

/**
 * Every secret that passes through the store (read, or about to be saved) is registered with the
 * log's exact-value scrubber, so it cannot reach a log line or audit entry even without a name.
 */
export function registerSecrets(secrets: AccountSecrets): void {
  registerKnownSecret(secrets.accessKeySecret);
  registerKnownSecret(secrets.securityToken);
  registerKnownSecret(secrets.proxyPassword);
}

/** Wraps any backend: timeout on every call, one error type with advice; registers secrets. */
export function guardSecretStore(
  backend: SecretStore,
  timeoutMs = DEFAULT_KEYCHAIN_TIMEOUT_MS,
): SecretStore {
  const guarded = async <T>(operation: Operation, run: () => Promise<T>): Promise<T> => {
    try {
      // `run()` may itself throw synchronously (a native constructor failing): same handling.
      return await withTimeout(Promise.resolve().then(run), timeoutMs, operation);
    } catch (error) {
      throw asKeychainError(error, operation);
    }
  };
  return {
    get: async (id) => {
      const secrets = await guarded('read', () => backend.get(id));
      if (secrets) registerSecrets(secrets);
      return secrets;
    },
    set: (id, secrets) => {
      registerSecrets(secrets);
      return guarded('save', () => backend.set(id, secrets));
    },
    delete: (id) => guarded('delete', () => backend.delete(id)),
  };
}

/** Keychain user name of the throw-away item written by probeKeychain. */
export const PROBE_ITEM = 'ack-secret-guard-probe';

/**
 * Proves the keychain can be written right now. Needed because a LOCKED Secret Service
 * collection answers reads with "nothing there" (and deletes with "nothing deleted") instead of
 * an error; only a write reveals the lock. Used when an item we expect is missing.
 */
export async function probeKeychain(store: SecretStore): Promise<void> {
  await store.set(PROBE_ITEM, {});
  await store.delete(PROBE_ITEM);
}

/** Whether an account must have a keychain item (role accounts hold no secret of their own). */
export function needsKeychainItem(account: {
  kind: string;
  network: { proxyHasPassword: boolean };
}): boolean {
  return account.kind !== 'ram-role' || account.network.proxyHasPassword;
}

/** The keychain item's text. Versioned so a later format can be told apart. */
export function encodeSecrets(secrets: AccountSecrets): string {
  return JSON.stringify({ v: 1, ...secrets });
}

export function decodeSecrets(text: string): AccountSecrets {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const out: AccountSecrets = {};
    for (const key of ['accessKeySecret', 'securityToken', 'proxyPassword'] as const) {
      if (typeof parsed[key] === 'string') out[key] = parsed[key];
    }
    return out;
  } catch {
    // Never include the text: it is the secret.
    throw new GuardError('keychain', message('error.keychain.badFormat'), { reason: 'failed' });
  }
}
