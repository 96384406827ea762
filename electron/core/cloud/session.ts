// A CloudSession is "one account, talking to Alibaba Cloud": it knows how to get fresh
// credentials, where each product lives for this account, how long to wait, and how many calls
// may run at once (per account and across all accounts). Product modules (cs.ts, kms.ts, ...)
// call through it and never configure an SDK client themselves.
import type { $OpenApiUtil } from '@alicloud/openapi-core';
import { GuardError } from '../../contract';
import { DEFAULT_SETTINGS } from '../../contract/types/settings';
import { Limiter } from '../util/limiter';
import { resolveEndpoint } from './endpoints';
import { GlobalLimitGovernor } from './global-limit';
import type { GovernorOptions } from './global-limit';
import type { EndpointTarget, Product } from './endpoints';
import { toCloudError } from './errors';
import { openApiCore } from './openapi-core';
import { DEFAULT_RETRY, repeatable, withRetry } from './retry';
import type { RetryPolicy } from './retry';
import { transportFor } from './transport';
import { throughTransport } from './transport-hook';
import type { AccountTransport } from './transport';

/** The cloud's code for an STS token past its expiry (docs/alibaba-cloud-api.md §7). */
const EXPIRED_TOKEN = 'InvalidSecurityToken.Expired';

/** Secret material: lives only in the main process, never in a contract type. */
export interface CallCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export interface AccountNetwork {
  /** Base URL for every product of this account, optionally with {product}/{region}. */
  endpoint?: string | null;
  /** HTTPS proxy URL for this account; else HTTPS_PROXY / https_proxy. */
  proxy?: string | null;
  /** Extra CA bundle (PEM) for a TLS-intercepting proxy or a private endpoint. */
  caBundlePath?: string | null;
}

export interface Timeouts {
  connectMs: number;
  readMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 5_000, readMs: 20_000 };

/** Shared between sessions: the global concurrency limit, and per-account ones. */
export class CloudLimits {
  readonly global: Limiter;
  private readonly perAccount = new Map<string, Limiter>();
  private perAccountLimit: number;

  // Two limits with two jobs. Per account (8): the cloud's quotas are per account (KMS: 50 reads
  // per second per region, docs/alibaba-cloud-api.md), and 8 in flight keeps a refresh well
  // inside them. Overall (DEFAULT_SETTINGS, 800): this machine only. A refresh never has more
  // than per-account x accounts waiting, so the overall limit must not bind below that for the
  // fleets we serve (20 accounts = 160, 100 accounts = 800: the old 128 made a 20-account
  // refresh wait on itself, and 256 a 100-account one, 1.3-1.5x slower than 800 in an
  // interleaved A/B); the event loop's governor (global-limit.ts) keeps it below what the loop
  // keeps up with.
  // While accounts are refreshed, the global limit follows them and the event loop
  // (global-limit.ts); `configuredGlobal` is the cap it never exceeds.
  private readonly governor: GlobalLimitGovernor;
  private configuredGlobal: number;

  constructor(
    globalLimit = DEFAULT_SETTINGS.cloud.concurrency,
    accountLimit = DEFAULT_SETTINGS.cloud.concurrencyPerAccount,
    governor: GovernorOptions = {},
  ) {
    this.global = new Limiter(globalLimit);
    this.perAccountLimit = accountLimit;
    this.configuredGlobal = globalLimit;
    this.governor = new GlobalLimitGovernor(this.global, globalLimit, accountLimit, governor);
  }

  /** The configured overall limit (settings); during a refresh `global.limit` may be lower. */
  get globalLimit(): number {
    return this.configuredGlobal;
  }

  /**
   * One account's refresh begins: the overall limit follows the accounts being refreshed and
   * the event loop until every such account has called the returned function.
   */
  refreshing(): () => void {
    return this.governor.begin();
  }

  /** A call gave its global slot back (CloudSession): the governor may look at the loop. */
  callEnded(): void {
    this.governor.callEnded();
  }

  get accountLimit(): number {
    return this.perAccountLimit;
  }

  /** e.g. "800 overall, 8 per account" (the bench prints what ships). */
  describe(): string {
    return `${this.globalLimit} overall, ${this.perAccountLimit} per account`;
  }

  /** New limits apply at once, also to calls already waiting (settings.update). */
  set(globalLimit: number, accountLimit: number): void {
    this.configuredGlobal = globalLimit;
    this.perAccountLimit = accountLimit;
    this.governor.configure(globalLimit, accountLimit);
    for (const limiter of this.perAccount.values()) limiter.setLimit(accountLimit);
  }

  forAccount(accountKey: string): Limiter {
    let limiter = this.perAccount.get(accountKey);
    if (!limiter) {
      limiter = new Limiter(this.perAccountLimit);
      this.perAccount.set(accountKey, limiter);
    }
    return limiter;
  }
}

export interface CallInfo {
  accountKey: string;
  product: Product;
  action: string;
  regionId: string;
  attempt: number;
  ok: boolean;
  ms: number;
  errorCode?: string | null;
}

export interface CloudSessionOptions {
  /** Identifies the account for concurrency limits and call records (its id, not a secret). */
  accountKey: string;
  credentials: () => Promise<CallCredentials>;
  /**
   * The cloud refused these credentials as expired (InvalidSecurityToken.Expired): forget them,
   * so that the next credentials() mints new ones. Only sources that can mint new ones (an
   * assumed role) give this; a pasted STS token cannot be renewed.
   */
  renewCredentials?: (refused: CallCredentials) => void;
  network?: AccountNetwork;
  limits: CloudLimits;
  timeouts?: Timeouts;
  retry?: Partial<Omit<RetryPolicy, 'idempotent'>>;
  env?: NodeJS.ProcessEnv;
  /** Observes every attempt (tests count calls; the log records them). Never sees secrets. */
  onCall?: (info: CallInfo) => void;
}

export interface CallOptions {
  /**
   * Safe to repeat after a network error (reads: yes; UpdateKMSEncryption: no). An action whose
   * name is a write (retry.ts isWriteAction) is never repeated, even when this says yes.
   */
  idempotent: boolean;
}

export class CloudSession {
  private transportCache: AccountTransport | undefined;

  constructor(readonly options: CloudSessionOptions) {}

  /** How this account's requests reach the network: proxy, NO_PROXY, CA bundle (transport.ts). */
  private transport(): AccountTransport {
    this.transportCache ??= transportFor({
      accountProxy: this.options.network?.proxy ?? null,
      caBundlePath: this.options.network?.caBundlePath ?? null,
      env: this.options.env ?? process.env,
    });
    return this.transportCache;
  }

  get accountKey(): string {
    return this.options.accountKey;
  }

  target(product: Product, regionId: string): EndpointTarget {
    return resolveEndpoint(product, regionId, this.options.network?.endpoint, this.options.env);
  }

  /**
   * Builds the SDK Config for one call: fresh credentials, endpoint, timeouts, and the call's
   * transport marker (throughTransport). The proxy and CA are not set here: the SDK ignores them
   * (docs/alibaba-cloud-api.md §2.3); the transport applies them.
   */
  async config(
    product: Product,
    regionId: string,
    credentials?: CallCredentials,
    callMarker?: string,
  ): Promise<$OpenApiUtil.Config> {
    const target = this.target(product, regionId);
    credentials ??= await this.options.credentials();
    const timeouts = this.options.timeouts ?? DEFAULT_TIMEOUTS;
    const { $OpenApiUtil } = await openApiCore();
    return new $OpenApiUtil.Config({
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      ...(credentials.securityToken ? { securityToken: credentials.securityToken } : {}),
      endpoint: target.endpoint,
      protocol: target.protocol,
      regionId,
      connectTimeout: timeouts.connectMs,
      readTimeout: timeouts.readMs,
      // Not a SOCKS setting: the field carries the call's marker to its transport (transport-hook.ts).
      ...(callMarker ? { socks5NetWork: callMarker } : {}),
    });
  }

  /**
   * Runs one API call under the limits, with retries, turning every failure into a CloudError.
   * `invoke` receives a ready Config and makes exactly one SDK call.
   */
  async call<T>(
    product: Product,
    action: string,
    regionId: string,
    invoke: (config: $OpenApiUtil.Config) => Promise<T>,
    options: CallOptions,
  ): Promise<T> {
    const policy: RetryPolicy = {
      ...DEFAULT_RETRY,
      ...this.options.retry,
      // A write (by its action's name) is never repeated blindly, whatever the call site says.
      idempotent: repeatable(action, options.idempotent),
    };
    let attempt = 0;
    let renewed = false;
    const once = async (): Promise<T> => {
      attempt += 1;
      const started = Date.now();
      let used: CallCredentials | undefined;
      try {
        used = await this.options.credentials();
        const credentials = used;
        const value = await throughTransport(
          this.transport(),
          { product, action },
          async (marker) => invoke(await this.config(product, regionId, credentials, marker)),
        );
        this.record({ product, action, regionId, attempt, ok: true, ms: Date.now() - started });
        return value;
      } catch (error) {
        if (error instanceof GuardError && error.code !== 'cloud') throw error;
        const cloudError = toCloudError(error, product, action);
        this.record({
          product,
          action,
          regionId,
          attempt,
          ok: false,
          ms: Date.now() - started,
          errorCode: cloudError.cloud.cloudCode ?? cloudError.kind,
        });
        // An assumed role's token the cloud calls expired while we thought it valid: the cloud's
        // clock is ahead of ours (a skewed machine; the demo's simulated clock). Forget it and,
        // for a read, ask once more with a new one; a write fails as it is (docs/alibaba-cloud-api.md
        // §7, and the GUESS register on whether a refused write ran).
        const renew = this.options.renewCredentials;
        if (used && renew && cloudError.cloud.cloudCode === EXPIRED_TOKEN) {
          renew(used);
          if (!renewed && policy.idempotent) {
            renewed = true;
            return once();
          }
        }
        throw cloudError;
      }
    };
    // Hold the slots only while a request is in flight, not while backing off. The account's
    // slot first, then a global one: a call queued behind its own account's limit must not sit
    // on a global slot that another account could use (that made a 20-account refresh wait on
    // the global limit with most of its slots idle).
    const limits = this.options.limits;
    const limited = () =>
      limits.forAccount(this.accountKey).run(async () => {
        try {
          return await limits.global.run(once);
        } finally {
          limits.callEnded();
        }
      });
    return withRetry(limited, policy);
  }

  private record(info: Omit<CallInfo, 'accountKey'>): void {
    try {
      this.options.onCall?.({ accountKey: this.accountKey, ...info });
    } catch {
      // an observer must never break a call
    }
  }
}
