// The real keychain backend: @napi-rs/keyring's AsyncEntry (runs on a worker thread, so a blocked
// D-Bus call never freezes the event loop; the sync Entry would). On Linux it is pinned to the
// Secret Service: unpinned it silently falls back to the kernel keyring, which forgets everything
// at reboot (README, Dependency notes). Timeouts and error advice come from guardSecretStore.
// The native module is loaded by the first secret read or write, not at start-up: a command
// that reads no secret (`clusters list --cached`, `audit`) never loads it.
import type { AsyncEntry } from '@napi-rs/keyring';
import { loadOnce } from '../cloud/sdk';
import { KEYCHAIN_SERVICE, decodeSecrets, encodeSecrets } from './secret-store';
import type { SecretStore } from './secret-store';
import type { AccountSecrets } from './types';

let Entry: typeof AsyncEntry | undefined;
const loadKeyring = loadOnce(async () => {
  ({ AsyncEntry: Entry } = await import('@napi-rs/keyring'));
});

export class KeyringSecretStore implements SecretStore {
  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  private async entry(accountId: string): Promise<AsyncEntry> {
    await loadKeyring();
    return new Entry!(this.service, accountId, { linux: { store: 'secret-service' } });
  }

  async get(accountId: string): Promise<AccountSecrets | null> {
    const text = await (await this.entry(accountId)).getPassword();
    return text === null ? null : decodeSecrets(text);
  }

  async set(accountId: string, secrets: AccountSecrets): Promise<void> {
    await (await this.entry(accountId)).setPassword(encodeSecrets(secrets));
  }

  async delete(accountId: string): Promise<boolean> {
    return (await this.entry(accountId)).deleteCredential();
  }
}
