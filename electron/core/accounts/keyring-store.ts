// The real keychain backend: @napi-rs/keyring's AsyncEntry (runs on a worker thread, so a blocked
// D-Bus call never freezes the event loop; the sync Entry would). On Linux it is pinned to the
// Secret Service: unpinned it silently falls back to the kernel keyring, which forgets everything
// at reboot (README, Dependency notes). Timeouts and error advice come from guardSecretStore.
import { AsyncEntry } from '@napi-rs/keyring';
import { KEYCHAIN_SERVICE, decodeSecrets, encodeSecrets } from './secret-store';
import type { SecretStore } from './secret-store';
import type { AccountSecrets } from './types';

export class KeyringSecretStore implements SecretStore {
  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  private entry(accountId: string): AsyncEntry {
    return new AsyncEntry(this.service, accountId, { linux: { store: 'secret-service' } });
  }

  async get(accountId: string): Promise<AccountSecrets | null> {
    const text = await this.entry(accountId).getPassword();
    return text === null ? null : decodeSecrets(text);
  }

  async set(accountId: string, secrets: AccountSecrets): Promise<void> {
    await this.entry(accountId).setPassword(encodeSecrets(secrets));
  }

  async delete(accountId: string): Promise<boolean> {
    return this.entry(accountId).deleteCredential();
  }
}
