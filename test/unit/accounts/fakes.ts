// In-memory stand-ins for the keychain, for fast tests. Never used by the app: there is no
// plain-text or in-memory fallback for real secrets.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SecretStore } from '../../../electron/core/accounts/secret-store';
import type { AccountSecrets } from '../../../electron/core/accounts/types';

export class MemorySecretStore implements SecretStore {
  readonly items = new Map<string, string>();
  /** Make the next calls of a kind fail (or hang) to exercise error paths. */
  failOn: Partial<Record<'get' | 'set' | 'delete', 'reject' | 'hang'>> = {};
  calls: string[] = [];

  private async gate(op: 'get' | 'set' | 'delete'): Promise<void> {
    this.calls.push(op);
    const mode = this.failOn[op];
    if (mode === 'hang') await new Promise<never>(() => undefined);
    if (mode === 'reject')
      throw new Error(
        "Couldn't access platform storage: Secret Service: unlock prompt was dismissed",
      );
  }

  async get(id: string): Promise<AccountSecrets | null> {
    await this.gate('get');
    const text = this.items.get(id);
    return text === undefined ? null : (JSON.parse(text) as AccountSecrets);
  }

  async set(id: string, secrets: AccountSecrets): Promise<void> {
    await this.gate('set');
    this.items.set(id, JSON.stringify(secrets));
  }

  async delete(id: string): Promise<boolean> {
    await this.gate('delete');
    return this.items.delete(id);
  }
}

/** A store whose every call never settles: a keychain waiting on an unlock prompt. */
export class HangingSecretStore implements SecretStore {
  get = (): Promise<never> => new Promise<never>(() => undefined);
  set = (): Promise<never> => new Promise<never>(() => undefined);
  delete = (): Promise<never> => new Promise<never>(() => undefined);
}

export function tempDir(prefix = 'ack-sg-accounts-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}
