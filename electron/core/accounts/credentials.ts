// The one place that gives the cloud layer credentials for a saved account. AccessKey and STS
// token accounts read their keychain item (kept in memory for as long as the account does not
// change); role accounts assume their role with the source account's credentials (chained,
// depth-limited) and keep the result in memory until five minutes before it expires.
import { GuardError, message } from '../../contract';
import { CloudError } from '../cloud/errors';
import { CloudSession } from '../cloud/session';
import type { AccountNetwork, CallCredentials, CloudSessionOptions } from '../cloud/session';
import type { AssumedRole } from '../cloud/sts';
import type { CoreContext } from '../context';
import { registerKnownSecret } from '../log/redact';
import { checkAssumeRole, checkRoleSource } from './identity';
import { needsKeychainItem, probeKeychain } from './secret-store';
import type { SecretStore } from './secret-store';
import type { AccountSecrets, StoredAccount, StoredRamRole } from './types';
import { proxyWithPassword } from './validation';

/** Refresh an assumed role this long before it expires. */
export const ROLE_REFRESH_MARGIN_MS = 5 * 60_000;
/** A role account may take its credentials from a role account, but not endlessly. */
export const MAX_ROLE_CHAIN = 4;

/** Network and timing knobs for the sessions built here (tests shorten retries). */
export type SessionTuning = Pick<CloudSessionOptions, 'timeouts' | 'retry' | 'onCall'>;

interface CachedRole {
  /** The account's updatedAt when assumed: any edit invalidates. */
  version: string;
  credentials: Required<CallCredentials>;
  expiresAt: number;
}

export interface AccountSource {
  get(accountId: string): Promise<StoredAccount>;
}

export class CredentialResolver {
  private readonly secrets = new Map<string, { version: string; value: AccountSecrets }>();
  private readonly roles = new Map<string, CachedRole>();
  private readonly pending = new Map<string, Promise<CachedRole>>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly accounts: AccountSource,
    private readonly store: SecretStore,
    private readonly tuning: SessionTuning = {},
  ) {}

  /** Forget everything cached for an account (after update, remove, or a failed call). */
  invalidate(accountId: string): void {
    this.secrets.delete(accountId);
    this.roles.delete(accountId);
  }

  /** Keeps the role session the live check just obtained, so it is not assumed twice. */
  remember(accountId: string, version: string, assumed: AssumedRole): void {
    registerAssumed(assumed);
    this.roles.set(accountId, {
      version,
      credentials: assumed.credentials,
      expiresAt: assumed.expiresAt,
    });
  }

  /** Expiry of the cached assumed-role session, if any (epoch ms). */
  roleExpiry(accountId: string): number | null {
    return this.roles.get(accountId)?.expiresAt ?? null;
  }

  async secretsOf(account: StoredAccount): Promise<AccountSecrets> {
    const cached = this.secrets.get(account.id);
    if (cached && cached.version === account.updatedAt) return cached.value;
    const value = await this.store.get(account.id);
    if (value === null && needsKeychainItem(account)) {
      // A locked keyring may also read as "nothing there": a write tells the two apart.
      await probeKeychain(this.store);
      throw new GuardError(
        'keychain',
        message('error.keychain.missingItem', { name: account.name }),
        { reason: 'missing-item', accountId: account.id },
      );
    }
    const result = value ?? {};
    this.secrets.set(account.id, { version: account.updatedAt, value: result });
    return result;
  }

  async networkOf(account: StoredAccount): Promise<AccountNetwork> {
    const n = account.network;
    let proxy = n.proxy;
    if (proxy && n.proxyHasPassword) {
      proxy = proxyWithPassword(proxy, (await this.secretsOf(account)).proxyPassword);
    }
    return { endpoint: n.endpoint, proxy, caBundlePath: n.caBundlePath };
  }

  /** Fresh credentials for one call. */
  async credentialsFor(accountId: string, depth = 0): Promise<CallCredentials> {
    const account = await this.accounts.get(accountId);
    switch (account.kind) {
      case 'access-key': {
        const s = await this.secretsOf(account);
        return {
          accessKeyId: account.accessKeyId,
          accessKeySecret: required(s.accessKeySecret, account),
        };
      }
      case 'sts-token': {
        if (Date.parse(account.expiration) <= this.ctx.now()) {
          throw new CloudError(
            `The STS token of account "${account.name}" expired at ${account.expiration}. Update the account with a new token.`,
            {
              kind: 'auth',
              product: 'sts',
              action: 'credentials',
              cloudCode: 'InvalidSecurityToken.Expired',
              httpStatus: null,
              requestId: null,
            },
          );
        }
        const s = await this.secretsOf(account);
        return {
          accessKeyId: account.accessKeyId,
          accessKeySecret: required(s.accessKeySecret, account),
          securityToken: required(s.securityToken, account),
        };
      }
      case 'ram-role':
        return (await this.assumed(account, depth)).credentials;
    }
  }

  /** A session for a saved account; build a new one per task (it captures network settings). */
  async sessionFor(accountId: string, depth = 0): Promise<CloudSession> {
    const account = await this.accounts.get(accountId);
    return this.session(
      accountId,
      await this.networkOf(account),
      () => this.credentialsFor(accountId, depth),
      account.kind === 'ram-role' ? (refused) => this.forgetRole(accountId, refused) : undefined,
    );
  }

  /**
   * The cloud called an assumed role's token expired before the time it gave us (its clock is
   * ahead of this machine's, or it is the demo's simulated clock): the next call assumes again.
   * Only when the cache still holds that token: concurrent calls refused together assume once.
   */
  private forgetRole(accountId: string, refused: CallCredentials): void {
    const cached = this.roles.get(accountId);
    if (cached && cached.credentials.securityToken === refused.securityToken)
      this.roles.delete(accountId);
  }

  /** A session over given credentials (used by the live check before saving). */
  session(
    accountKey: string,
    network: AccountNetwork,
    credentials: () => Promise<CallCredentials>,
    renewCredentials?: (refused: CallCredentials) => void,
  ): CloudSession {
    return new CloudSession({
      accountKey,
      credentials,
      ...(renewCredentials ? { renewCredentials } : {}),
      network,
      limits: this.ctx.cloudLimits,
      env: this.ctx.env,
      ...this.tuning,
    });
  }

  /** Assumes the role (shared by concurrent callers), or returns the cached session. */
  private async assumed(account: StoredRamRole, depth: number, force = false): Promise<CachedRole> {
    const cached = this.roles.get(account.id);
    if (
      !force &&
      cached &&
      cached.version === account.updatedAt &&
      cached.expiresAt - ROLE_REFRESH_MARGIN_MS > this.ctx.now()
    )
      return cached;
    const inFlight = this.pending.get(account.id);
    if (inFlight) return inFlight;
    const run = (async () => {
      if (depth >= MAX_ROLE_CHAIN)
        throw new GuardError(
          'validation',
          message('error.account.roleChainTooLong', { name: account.name, max: MAX_ROLE_CHAIN }),
          { field: 'sourceAccountId' },
        );
      const source = await this.accounts.get(account.sourceAccountId).catch((error: unknown) => {
        if (error instanceof GuardError && error.code === 'not-found')
          throw new GuardError(
            'not-found',
            message('error.account.sourceGone', { name: account.name }),
            { field: 'sourceAccountId' },
          );
        throw error;
      });
      const sourceSession = await this.sessionFor(source.id, depth + 1);
      // A test (force) asks STS who the source is first: a root account cannot assume roles.
      if (force) await checkRoleSource(sourceSession, source.name, this.ctx.now());
      const assumed = await checkAssumeRole(
        sourceSession,
        {
          roleArn: account.roleArn,
          sessionName: account.sessionName,
          durationSeconds: account.durationSeconds,
          externalId: account.externalId,
        },
        source.name,
      );
      registerAssumed(assumed);
      const entry: CachedRole = {
        version: account.updatedAt,
        credentials: assumed.credentials,
        expiresAt: assumed.expiresAt,
      };
      this.roles.set(account.id, entry);
      return entry;
    })();
    this.pending.set(account.id, run);
    try {
      return await run;
    } finally {
      this.pending.delete(account.id);
    }
  }

  /** Assume again now, ignoring the cache (accounts.test). */
  async reassume(account: StoredRamRole): Promise<CachedRole> {
    this.roles.delete(account.id);
    return this.assumed(account, 0, true);
  }
}

/** An assumed role's secret and token are secrets like the keychain's: scrubbed from logs. */
function registerAssumed(assumed: AssumedRole): void {
  registerKnownSecret(assumed.credentials.accessKeySecret);
  registerKnownSecret(assumed.credentials.securityToken);
}

function required(value: string | undefined, account: StoredAccount): string {
  if (!value)
    throw new GuardError(
      'keychain',
      message('error.keychain.incompleteItem', { name: account.name }),
      { reason: 'missing-item', accountId: account.id },
    );
  return value;
}
