// The accounts domain: add, update, remove, test and import, keeping metadata (file) and
// secrets (keychain) consistent. Order of work, so nothing is ever half-saved:
//   add:    validate -> live check -> write secret -> write metadata (on failure: delete secret)
//   update: validate -> live check if credentials/network changed -> write secret -> metadata
//           (on failure: put the old secret back)
//   remove: make sure the keychain answers -> delete metadata -> delete secret (absent is fine)
import { randomUUID } from 'node:crypto';
import type {
  Account,
  AccountIdentity,
  AccountsChangeReason,
  CliImportApplied,
  CliImportPreview,
  ValidatedInput,
} from '../../contract';
import { GuardError, defaultAccountColour, message, errorParam } from '../../contract';
import type { AccountNetwork, CallCredentials } from '../cloud/session';
import type { CloudSession } from '../cloud/session';
import type { AssumedRole } from '../cloud/sts';
import type { CoreContext } from '../context';
import { CredentialResolver } from './credentials';
import type { SessionTuning } from './credentials';
import { checkAssumeRole, checkIdentity, checkRoleSource } from './identity';
import { CliImport } from './import';
import type { LockOptions } from '../util/lock';
import { AccountRegistry } from './registry';
import { guardSecretStore, needsKeychainItem, probeKeychain } from './secret-store';
import type { SecretStore } from './secret-store';
import type { AccountSecrets, StoredAccount, StoredNetwork } from './types';
import { applyCredentialFields, assertSameKind, touchesCredentials } from './update';
import type { UpdateInput } from './update';
import {
  assertUniqueName,
  parseNetwork,
  parseRoleFields,
  proxyWithPassword,
  validateAccessKeyId,
  validateAccessKeySecret,
  validateExpiration,
  validateName,
  validateRegions,
  validateSecurityToken,
} from './validation';
import { toAccountView } from './view';

export type AddInput = ValidatedInput<'accounts.add'>;
export type { UpdateInput };

export interface AccountsServiceOptions {
  /** The keychain backend (a real one by default); always wrapped with timeouts. */
  secretStore: SecretStore;
  keychainTimeoutMs?: number;
  session?: SessionTuning;
  lock?: LockOptions;
  /** Where the aliyun CLI config is when a request names none. */
  aliyunConfigPath?: string;
}

export interface AddOptions {
  /** Accounts on the built-in simulated cloud (the demo wiring sets this). */
  demo?: boolean;
}

const hasSecrets = (s: AccountSecrets): boolean =>
  Boolean(s.accessKeySecret || s.securityToken || s.proxyPassword);
const sameSecrets = (a: AccountSecrets, b: AccountSecrets): boolean =>
  a.accessKeySecret === b.accessKeySecret &&
  a.securityToken === b.securityToken &&
  a.proxyPassword === b.proxyPassword;

export class AccountsService {
  readonly registry: AccountRegistry;
  readonly credentials: CredentialResolver;
  private readonly store: SecretStore;
  private readonly cliImport: CliImport;

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: AccountsServiceOptions,
  ) {
    this.registry = new AccountRegistry(ctx.dataDir, { lock: options.lock, now: ctx.now });
    this.store = guardSecretStore(options.secretStore, options.keychainTimeoutMs);
    this.credentials = new CredentialResolver(ctx, this, this.store, options.session);
    this.cliImport = new CliImport({
      now: () => ctx.now(),
      accounts: () => this.registry.read(),
      add: (input) => this.add(input),
      remove: (id) => this.remove(id),
      changed: (reason, ids) => this.changed(reason, ids),
      defaultPath: options.aliyunConfigPath,
    });
  }

  // ---- for other domains (fleet, checks, operations) -------------------------------------

  /** Fresh credentials for one cloud call (secrets: main process only). */
  credentialsFor(accountId: string): Promise<CallCredentials> {
    return this.credentials.credentialsFor(accountId);
  }

  /** A CloudSession for a saved account. Build one per task: it captures network settings. */
  sessionFor(accountId: string): Promise<CloudSession> {
    return this.credentials.sessionFor(accountId);
  }

  async get(accountId: string): Promise<StoredAccount> {
    const account = await this.registry.find(accountId);
    if (!account)
      throw new GuardError('not-found', message('error.account.notFound', { id: accountId }));
    return account;
  }

  async list(): Promise<Account[]> {
    return (await this.registry.read()).map((a) => this.view(a));
  }

  view(account: StoredAccount): Account {
    return toAccountView(account, this.credentials.roleExpiry(account.id));
  }

  // ---- add ---------------------------------------------------------------------------------

  async add(input: AddInput, options: AddOptions = {}): Promise<Account> {
    const existing = await this.registry.read();
    const now = this.ctx.now();
    const stamp = new Date(now).toISOString();
    const name = validateName(input.name);
    assertUniqueName(name, existing);
    const { network, proxyPassword } = parseNetwork(input.network, null, undefined);
    const base = {
      id: randomUUID(),
      name,
      colour: input.colour ?? defaultAccountColour(existing.length),
      regions: validateRegions(input.regions),
      network,
      identity: null,
      demo: options.demo ?? false,
      createdAt: stamp,
      updatedAt: stamp,
    };
    const secrets: AccountSecrets = proxyPassword ? { proxyPassword } : {};
    let draft: StoredAccount;
    switch (input.kind) {
      case 'access-key': {
        const accessKeyId = validateAccessKeyId(input.accessKeyId, 'access-key');
        secrets.accessKeySecret = validateAccessKeySecret(input.accessKeySecret, accessKeyId);
        draft = { ...base, kind: 'access-key', accessKeyId };
        break;
      }
      case 'sts-token': {
        const accessKeyId = validateAccessKeyId(input.accessKeyId, 'sts-token');
        secrets.accessKeySecret = validateAccessKeySecret(input.accessKeySecret, accessKeyId);
        secrets.securityToken = validateSecurityToken(input.securityToken);
        const expiration = validateExpiration(input.expiration, now);
        draft = { ...base, kind: 'sts-token', accessKeyId, expiration };
        break;
      }
      case 'ram-role':
        draft = {
          ...base,
          kind: 'ram-role',
          ...parseRoleFields(input, existing, base.id),
        };
        break;
    }

    const { identity, assumed } = await this.verify(draft, secrets);
    draft.identity = identity;

    const wroteSecret = hasSecrets(secrets);
    if (wroteSecret) await this.store.set(draft.id, secrets);
    try {
      await this.registry.update((accounts) => {
        assertUniqueName(draft.name, accounts);
        if (draft.kind === 'ram-role' && !accounts.some((a) => a.id === draft.sourceAccountId))
          throw new GuardError('not-found', message('error.account.sourceRemoved'), {
            field: 'sourceAccountId',
          });
        return { accounts: [...accounts, draft], result: undefined };
      });
    } catch (error) {
      if (wroteSecret) await this.store.delete(draft.id).catch(() => undefined);
      throw error;
    }
    if (assumed) this.credentials.remember(draft.id, draft.updatedAt, assumed);
    this.changed('added', [draft.id]);
    return this.view(draft);
  }

  // ---- update ------------------------------------------------------------------------------

  async update(input: UpdateInput): Promise<Account> {
    const existing = await this.registry.read();
    const current = existing.find((a) => a.id === input.id);
    if (!current)
      throw new GuardError('not-found', message('error.account.notFound', { id: input.id }));
    const now = this.ctx.now();
    assertSameKind(input, current);

    const touchesNetwork = input.network !== undefined;
    const needsCheck = touchesCredentials(input) || touchesNetwork;

    // Read the old secrets only when something secret may change: cosmetic edits (name, colour,
    // regions) then work even while the keychain is locked.
    let oldSecrets: AccountSecrets = {};
    if (needsCheck) {
      const item = await this.store.get(current.id);
      // Reads of a locked keyring come back empty: make sure before treating it as missing.
      if (item === null && needsKeychainItem(current)) await probeKeychain(this.store);
      oldSecrets = item ?? {};
    }
    const secrets: AccountSecrets = { ...oldSecrets };

    const next = structuredClone(current) as StoredAccount;
    if (input.name !== undefined) {
      next.name = validateName(input.name);
      assertUniqueName(next.name, existing, current.id);
    }
    if (input.colour !== undefined) next.colour = input.colour;
    if (input.regions !== undefined) next.regions = validateRegions(input.regions);
    if (touchesNetwork) {
      const parsed = parseNetwork(input.network, current.network, oldSecrets.proxyPassword);
      next.network = parsed.network;
      if (parsed.proxyPassword) secrets.proxyPassword = parsed.proxyPassword;
      else delete secrets.proxyPassword;
    }

    applyCredentialFields(next, input, secrets, existing, now);

    // A strictly newer stamp: caches are keyed by it.
    const previous = Date.parse(current.updatedAt);
    next.updatedAt = new Date(Math.max(now, previous + 1)).toISOString();

    let assumed: AssumedRole | undefined;
    if (needsCheck) {
      const verified = await this.verify(next, secrets);
      next.identity = verified.identity;
      assumed = verified.assumed;
    }

    const secretChanged = needsCheck && !sameSecrets(oldSecrets, secrets);
    if (secretChanged) {
      if (hasSecrets(secrets)) await this.store.set(next.id, secrets);
      else await this.store.delete(next.id);
    }
    try {
      await this.registry.update((accounts) => {
        const index = accounts.findIndex((a) => a.id === next.id);
        if (index < 0) throw new GuardError('not-found', message('error.account.removedMeanwhile'));
        if (accounts[index]!.updatedAt !== current.updatedAt)
          throw new GuardError(
            'conflict',
            message('error.account.changedElsewhere', { name: current.name }),
          );
        assertUniqueName(next.name, accounts, next.id);
        accounts[index] = next;
        return { accounts, result: undefined };
      });
    } catch (error) {
      if (secretChanged) await this.restoreSecrets(next.id, oldSecrets);
      throw error;
    }
    this.credentials.invalidate(next.id);
    if (assumed) this.credentials.remember(next.id, next.updatedAt, assumed);
    this.changed('updated', [next.id]);
    return this.view(next);
  }

  private async restoreSecrets(id: string, old: AccountSecrets): Promise<void> {
    try {
      if (hasSecrets(old)) await this.store.set(id, old);
      else await this.store.delete(id);
    } catch {
      // The metadata write already failed; the caller reports that error. The keychain then
      // holds the new secrets for the old metadata, which the next check will reveal.
    }
  }

  // ---- remove ------------------------------------------------------------------------------

  async remove(accountId: string): Promise<{ id: string; name: string }> {
    const account = await this.get(accountId);
    const dependants = (accounts: StoredAccount[]) =>
      accounts.filter((a) => a.kind === 'ram-role' && a.sourceAccountId === accountId);
    const blockers = dependants(await this.registry.read());
    if (blockers.length > 0) throw this.inUse(account, blockers);
    // Make sure the keychain answers before touching anything, so a locked keyring leaves the
    // account fully in place rather than metadata gone and its secret orphaned. A locked
    // collection reads as "no item", so a missing item we expect is confirmed with a write.
    if ((await this.store.get(accountId)) === null && needsKeychainItem(account))
      await probeKeychain(this.store);
    await this.registry.update((accounts) => {
      const still = dependants(accounts);
      if (still.length > 0) throw this.inUse(account, still);
      return { accounts: accounts.filter((a) => a.id !== accountId), result: undefined };
    });
    this.credentials.invalidate(accountId);
    try {
      await this.store.delete(accountId);
    } catch (error) {
      throw new GuardError(
        'keychain',
        message('error.keychain.orphaned', {
          name: account.name,
          why: errorParam(error),
          accountId,
        }),
        { reason: 'orphaned-item', accountId },
      );
    } finally {
      this.changed('removed', [accountId]);
    }
    return { id: accountId, name: account.name };
  }

  private inUse(account: StoredAccount, blockers: StoredAccount[]): GuardError {
    return new GuardError(
      'conflict',
      message('error.account.isSource', {
        name: account.name,
        dependants: blockers.map((b) => `"${b.name}"`).join(', '),
      }),
      { dependants: blockers.map((b) => b.id) },
    );
  }

  // ---- test --------------------------------------------------------------------------------

  async test(accountId: string): Promise<{ account: Account; identity: AccountIdentity }> {
    let account = await this.get(accountId);
    if (account.kind === 'ram-role') await this.credentials.reassume(account);
    else this.credentials.invalidate(accountId);
    const session = await this.credentials.sessionFor(accountId);
    const identity = await checkIdentity(session, `account "${account.name}"`, this.ctx.now());
    account = await this.registry.update((accounts) => {
      const found = accounts.find((a) => a.id === accountId);
      if (!found) throw new GuardError('not-found', message('error.account.removedMeanwhile'));
      // Not an edit: updatedAt (the cache key) stays.
      found.identity = identity;
      return { accounts, result: found };
    });
    this.changed('tested', [accountId]);
    return { account: this.view(account), identity };
  }

  // ---- live check --------------------------------------------------------------------------

  private accountNetwork(network: StoredNetwork, secrets: AccountSecrets): AccountNetwork {
    return {
      endpoint: network.endpoint,
      proxy: network.proxy ? proxyWithPassword(network.proxy, secrets.proxyPassword) : null,
      caBundlePath: network.caBundlePath,
    };
  }

  /** Asks STS who these (unsaved) credentials are; for a role, assumes it first. */
  private async verify(
    draft: StoredAccount,
    secrets: AccountSecrets,
  ): Promise<{ identity: AccountIdentity; assumed?: AssumedRole }> {
    const network = this.accountNetwork(draft.network, secrets);
    const who = `account "${draft.name}"`;
    const key = `check:${draft.id}`;
    if (draft.kind === 'ram-role') {
      const source = await this.get(draft.sourceAccountId);
      const sourceSession = await this.credentials.sessionFor(source.id);
      await checkRoleSource(sourceSession, source.name, this.ctx.now());
      const assumed = await checkAssumeRole(
        sourceSession,
        {
          roleArn: draft.roleArn,
          sessionName: draft.sessionName,
          durationSeconds: draft.durationSeconds,
          externalId: draft.externalId,
        },
        source.name,
      );
      const session = this.credentials.session(key, network, async () => assumed.credentials);
      return { identity: await checkIdentity(session, who, this.ctx.now()), assumed };
    }
    const credentials: CallCredentials = {
      accessKeyId: draft.accessKeyId,
      accessKeySecret: secrets.accessKeySecret ?? '',
      ...(draft.kind === 'sts-token' ? { securityToken: secrets.securityToken ?? '' } : {}),
    };
    const session = this.credentials.session(key, network, async () => credentials);
    return { identity: await checkIdentity(session, who, this.ctx.now()) };
  }

  // ---- aliyun CLI import (import.ts) ------------------------------------------------------

  previewCliImport(path?: string): Promise<CliImportPreview> {
    return this.cliImport.preview(path);
  }

  applyCliImport(input: ValidatedInput<'accounts.importCli.apply'>): Promise<CliImportApplied> {
    return this.cliImport.apply(input);
  }

  private changed(reason: AccountsChangeReason, accountIds: string[]): void {
    this.ctx.events.emit('accounts.changed', { reason, accountIds });
  }
}
