// Authentication like the gateway: ACS3-HMAC-SHA256 (every new-generation SDK) or the legacy
// HMAC-SHA1 query signature, against the world's AccessKeys and live STS tokens.
import type { IncomingHttpHeaders } from 'node:http';
import { commonError } from '../http/errors';
import type { ProductId } from '../products/product-id';
import { resolveStatements } from '../world/policies';
import type { World } from '../world/world';
import type { Caller } from './caller';
import {
  canonicalRequestV3,
  parseV3Authorization,
  safeEqual,
  sha256Hex,
  signV1,
  signV3,
} from './signature';

export interface AuthInput {
  product: ProductId;
  method: string;
  rawPath: string;
  query: Record<string, string>;
  /** Query + form (legacy signature covers both). */
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const FRESHNESS_MS = 15 * 60_000; // gateway window for x-acs-date / Timestamp (real clock)

/**
 * Remembers the nonces of the last FRESHNESS_MS (real time) to refuse replays; older ones are
 * forgotten as it goes (a request that old fails the freshness check anyway). The map is kept
 * in time order, so forgetting looks only at the expired entries at its front: a use costs the
 * same however many requests the window holds. (A sweep of the whole map on every use once it
 * held 10,000 cost ~0.3 ms per request at 15,000 and grew with every request: repeated bench
 * refreshes against one simulator got slower run by run.)
 */
export class NonceCache {
  private readonly seen = new Map<string, number>();
  /** The latest time stored: a clock stepping back must not break the map's time order. */
  private latest = -Infinity;
  use(nonce: string, realNow = Date.now()): boolean {
    const now = (this.latest = Math.max(this.latest, realNow));
    for (const [n, t] of this.seen) {
      if (now - t <= FRESHNESS_MS) break;
      this.seen.delete(n);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }

  /** Nonces remembered now. */
  get size(): number {
    return this.seen.size;
  }
}

export function authenticate(world: World, nonces: NonceCache, i: AuthInput): Caller {
  const h = (n: string) => {
    const v = i.headers[n];
    return Array.isArray(v) ? v.join(',') : v;
  };
  const err = (kind: Parameters<typeof commonError>[1], msg: string) =>
    commonError(i.product, kind, msg);

  if (h('authorization') !== undefined) {
    const auth = parseV3Authorization(h('authorization'));
    if (!auth)
      throw err(
        'IncompleteSignature',
        'The Authorization header is not a valid ACS3-HMAC-SHA256 authorization.',
      );
    for (const required of [
      'host',
      'x-acs-date',
      'x-acs-signature-nonce',
      'x-acs-content-sha256',
    ]) {
      if (!auth.signedHeaders.includes(required) || h(required) === undefined) {
        throw err(
          'IncompleteSignature',
          `The request signature is incomplete: header ${required} must be present and signed.`,
        );
      }
    }
    const payloadHash = sha256Hex(i.body);
    if (h('x-acs-content-sha256') !== payloadHash) {
      throw err('IncompleteSignature', 'x-acs-content-sha256 does not match the request body.');
    }
    const secret = secretFor(world, i.product, auth.accessKeyId, h('x-acs-security-token'));
    const canonical = canonicalRequestV3({
      method: i.method,
      rawPath: i.rawPath,
      query: i.query,
      headers: i.headers,
      signedHeaders: auth.signedHeaders,
      hashedPayload: payloadHash,
    });
    if (!safeEqual(signV3(secret.secret, canonical), auth.signature)) {
      throw err('SignatureDoesNotMatch', 'Specified signature does not match our calculation.');
    }
    checkFreshness(i.product, Date.parse(h('x-acs-date') ?? ''));
    if (!nonces.use(h('x-acs-signature-nonce') ?? ''))
      throw err('SignatureNonceUsed', 'Specified signature nonce was used already.');
    return secret.caller();
  }

  if (i.params.Signature !== undefined) {
    for (const p of ['AccessKeyId', 'SignatureMethod', 'SignatureNonce', 'Timestamp']) {
      if (!i.params[p])
        throw err(
          'IncompleteSignature',
          `The request signature is incomplete: parameter ${p} is missing.`,
        );
    }
    if (i.params.SignatureMethod !== 'HMAC-SHA1')
      throw err('IncompleteSignature', 'SignatureMethod must be HMAC-SHA1.');
    const secret = secretFor(world, i.product, i.params.AccessKeyId!, i.params.SecurityToken);
    if (!safeEqual(signV1(secret.secret, i.method, i.params), i.params.Signature)) {
      throw err('SignatureDoesNotMatch', 'Specified signature does not match our calculation.');
    }
    checkFreshness(i.product, Date.parse(i.params.Timestamp!));
    if (!nonces.use(i.params.SignatureNonce!))
      throw err('SignatureNonceUsed', 'Specified signature nonce was used already.');
    return secret.caller();
  }

  throw err(
    'IncompleteSignature',
    'The request is not signed: no Authorization header and no Signature parameter.',
  );
}

function checkFreshness(product: ProductId, ms: number): void {
  if (Number.isNaN(ms) || Math.abs(Date.now() - ms) > FRESHNESS_MS) {
    throw commonError(
      product,
      'InvalidTimeStamp.Expired',
      'Specified time stamp or date value is expired.',
    );
  }
}

function secretFor(
  world: World,
  product: ProductId,
  akId: string,
  token: string | undefined,
): { secret: string; caller: () => Caller } {
  const err = (kind: Parameters<typeof commonError>[1], msg: string) =>
    commonError(product, kind, msg);
  if (akId.startsWith('STS.')) {
    if (!token) throw err('MissingSecurityToken', 'SecurityToken is mandatory for this action.');
    const sts = world.stsTokens.get(akId);
    if (!sts) {
      // A token we issued for a different AccessKey id is a mismatch; anything else is malformed.
      const owner = [...world.stsTokens.values()].find((t) => t.token === token);
      throw owner
        ? err(
            'InvalidSecurityToken.MismatchWithAccessKey',
            'The security token does not match the AccessKey id.',
          )
        : err('InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    }
    if (sts.token !== token)
      throw err('InvalidSecurityToken.Malformed', 'The security token you provided is malformed.');
    if (world.clock.now() >= sts.expiresAt)
      throw err('InvalidSecurityToken.Expired', 'The security token you provided has expired.');
    return {
      secret: sts.secret,
      caller: () => {
        const acct = world.account(sts.accountId);
        const role = acct.roles.get(sts.roleName.toLowerCase());
        const custom = new Map([...acct.customPolicies].map(([n, p]) => [n, p.statements]));
        return {
          accountId: sts.accountId,
          kind: 'role',
          accessKeyId: akId,
          viaSts: true,
          roleName: role?.name ?? sts.roleName,
          roleId: role?.id ?? '0',
          sessionName: sts.sessionName,
          // A role deleted after issuing keeps its tokens valid but powerless.
          statements: role ? resolveStatements(role.policies, custom) : [],
        };
      },
    };
  }
  const ak = world.accessKeys.get(akId);
  if (!ak) throw err('InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  if (ak.status !== 'Active')
    throw err('InvalidAccessKeyId.Inactive', 'Specified access key is disabled.');
  if (token)
    throw err(
      'InvalidSecurityToken.MismatchWithAccessKey',
      'A security token was sent with a permanent AccessKey.',
    );
  return {
    secret: ak.secret,
    caller: () => {
      const acct = world.account(ak.accountId);
      if (ak.principal === 'root')
        return {
          accountId: acct.id,
          kind: 'root',
          accessKeyId: akId,
          viaSts: false,
          statements: 'all',
        };
      const user = acct.users.get(ak.principal.slice(5))!;
      const custom = new Map([...acct.customPolicies].map(([n, p]) => [n, p.statements]));
      const refs = [
        ...user.policies,
        ...user.groups.flatMap((g) => acct.groups.get(g)?.policies ?? []),
      ];
      return {
        accountId: acct.id,
        kind: 'user',
        accessKeyId: akId,
        viaSts: false,
        userName: user.name,
        userId: user.id,
        statements: resolveStatements(refs, custom),
      };
    },
  };
}
