// What keeps the browser demo to the demo account: a keychain that lives in this process only
// (it holds the demo fixture's keys and nothing else), and a refusal of every call that
// would bring another account in (adding one, importing the user's aliyun CLI profiles) or point
// a demo account at other credentials or another endpoint.
import type { ContractError, CallName } from '../contract';
import type { AccountSecrets, SecretStore } from '../core/accounts';

/** The demo's keychain: in memory, gone when the process ends. Never the user's OS keychain. */
export class DemoSecretStore implements SecretStore {
  private readonly items = new Map<string, AccountSecrets>();

  async get(accountId: string): Promise<AccountSecrets | null> {
    const found = this.items.get(accountId);
    return found ? { ...found } : null;
  }

  async set(accountId: string, secrets: AccountSecrets): Promise<void> {
    this.items.set(accountId, { ...secrets });
  }

  async delete(accountId: string): Promise<boolean> {
    return this.items.delete(accountId);
  }
}

const NEVER_IN_THE_DEMO: ReadonlySet<CallName> = new Set([
  'accounts.add',
  'accounts.importCli.preview',
  'accounts.importCli.apply',
]);

/** A demo account may be renamed, recoloured or narrowed to some regions; nothing else. */
const COSMETIC_UPDATE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'kind',
  'name',
  'colour',
  'regions',
]);

const WHY =
  'The browser demo only ever shows the demo account: adding or importing accounts and changing an account’s keys, endpoint or proxy need the desktop app (npm start) or the command line.';

/** Null when the call may run in the demo; otherwise the error the window is given. */
export function demoOnlyRefusal(name: CallName, payload: unknown): ContractError | null {
  if (NEVER_IN_THE_DEMO.has(name)) return { code: 'unknown-call', message: WHY };
  if (name === 'accounts.update' && typeof payload === 'object' && payload !== null) {
    // The window sends network and keys only when they were changed (AccountForm.svelte).
    if (Object.keys(payload).some((key) => !COSMETIC_UPDATE_FIELDS.has(key)))
      return { code: 'unknown-call', message: WHY };
  }
  return null;
}
