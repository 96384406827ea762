// Where each product's API lives. By default the cloud's public endpoints; an account may
// override them (the demo account, private or VPC endpoints, tests), and ACK_SG_ENDPOINT sends
// every product of every account to one base URL. Plain http is allowed only to loopback: a
// signed request carries no secret, but its answers decide what we do to production clusters.
import { GuardError, isRegionId } from '../../contract';
import { CloudError } from './errors';

export const PRODUCTS = ['cs', 'kms', 'ram', 'sts', 'actiontrail', 'ecs', 'vpc'] as const;
export type Product = (typeof PRODUCTS)[number];

export const ENDPOINT_ENV = 'ACK_SG_ENDPOINT';

export interface EndpointTarget {
  /** host[:port], as the SDK's Config.endpoint wants it. */
  endpoint: string;
  protocol: 'https' | 'http';
}

/**
 * Regions where ACK runs but a product has no endpoint at all: ACK regions (the CS endpoint list
 * of Alibaba's OpenAPI metadata, the cs SDK's endpoint map, the ACK Edge region table) that the
 * product's own endpoint list lacks. Sources and the snapshot they come from:
 * docs/alibaba-cloud-api.md §3.1. A call there could only
 * fail on DNS, so we do not send it; regions missing from these lists but still without a host
 * are caught by the DNS check in verify/verify.ts (isMissingEndpoint).
 */
export const REGIONS_WITHOUT: Readonly<Partial<Record<Product, ReadonlySet<string>>>> = {
  kms: new Set([
    'cn-zhongwei',
    'cn-nanjing',
    'cn-north-2-gov-1',
    'cn-wulanchabu-gic-1',
    'ap-southeast-8',
    'eu-west-2',
    'us-southeast-1',
  ]),
  actiontrail: new Set([
    'cn-zhongwei',
    'cn-wuhan-lr',
    'cn-fuzhou',
    'cn-zhengzhou-jva',
    'cn-heyuan-acdr-1',
    'cn-north-2-gov-1',
    'cn-wulanchabu-gic-1',
    'cn-hangzhou-finance',
    'cn-shenzhen-finance-1',
    'cn-beijing-finance-1',
    'ap-south-1',
    'ap-southeast-2',
    'ap-southeast-8',
    'eu-west-2',
    'me-central-1',
    'us-southeast-1',
  ]),
};

/** False when the product has no endpoint in the region (see REGIONS_WITHOUT). */
export function isOffered(product: Product, regionId: string): boolean {
  return !REGIONS_WITHOUT[product]?.has(regionId);
}

const NOT_OFFERED: Partial<Record<Product, (regionId: string) => string>> = {
  kms: (r) =>
    `KMS is not offered in region ${r}: keys cannot be checked here (Alibaba Cloud has no KMS endpoint in ${r}, so Secret encryption with a KMS key is not possible there).`,
  actiontrail: (r) =>
    `ActionTrail is not offered in region ${r}: a change cannot be proven from its records here (Alibaba Cloud has no ActionTrail endpoint in ${r}).`,
};

/**
 * Throws the one "not offered here" error (kind `unavailable`, not a network failure) before any
 * call to a product that has no endpoint in the region.
 */
export function assertOffered(product: Product, regionId: string, action: string): void {
  if (isOffered(product, regionId)) return;
  const sentence =
    NOT_OFFERED[product]?.(regionId) ?? `${product} has no endpoint in region ${regionId}.`;
  throw new CloudError(sentence, {
    kind: 'unavailable',
    product,
    action,
    cloudCode: null,
    httpStatus: null,
    requestId: null,
  });
}

/** The public endpoint of a product in a region (addendum A9 and the SDK pitfalls in §5). */
export function defaultEndpoint(product: Product, regionId: string): string {
  switch (product) {
    case 'ram':
      return 'ram.aliyuncs.com';
    case 'sts':
      return 'sts.aliyuncs.com';
    default:
      // cs, kms, actiontrail, ecs and vpc: always the explicit regional host. The SDKs' own maps
      // send some regions to central hosts (ecs-cn-hangzhou, vpc.aliyuncs.com), which we avoid.
      return `${product}.${regionId}.aliyuncs.com`;
  }
}

/** localhost, ::1 and 127.0.0.0/8 (brackets, case and a trailing dot ignored). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Checks an endpoint override (a URL, optionally with {product} and {region} placeholders) and
 * returns a clear error for anything unusable.
 */
export function validateEndpointOverride(raw: string): void {
  const sample = raw.replaceAll('{product}', 'cs').replaceAll('{region}', 'cn-hangzhou');
  let url: URL;
  try {
    url = new URL(sample);
  } catch {
    throw new GuardError(
      'validation',
      `Endpoint "${raw}" is not a URL. Use e.g. https://{product}-vpc.{region}.aliyuncs.com or http://127.0.0.1:8790.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new GuardError('validation', `Endpoint "${raw}" must use https (or http to loopback).`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new GuardError(
      'validation',
      `Endpoint "${raw}" uses plain http to a non-loopback host; use https. Plain http is allowed only to 127.0.0.1/localhost.`,
    );
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.username || url.password) {
    throw new GuardError(
      'validation',
      `Endpoint "${raw}" must be a base URL without path, query or user info.`,
    );
  }
}

/**
 * Overrides already checked and resolved, by override, product and region. Every call resolves
 * its endpoint, and two URL parses per call were ~3% of a fleet refresh's CPU. Only a good
 * override is kept (a bad one throws again each time); the answer depends on nothing else.
 */
const resolvedOverrides = new Map<string, EndpointTarget>();
const MAX_RESOLVED_OVERRIDES = 4096;

/** Resolves the endpoint: ACK_SG_ENDPOINT, then the account's override, then the public one. */
export function resolveEndpoint(
  product: Product,
  regionId: string,
  accountOverride?: string | null,
  env: NodeJS.ProcessEnv = process.env,
): EndpointTarget {
  // The region becomes part of a host name: whatever its source (the user, a file, the cloud's
  // own region list), it must be a region id and nothing else.
  if (!isRegionId(regionId)) {
    throw new GuardError(
      'validation',
      `${JSON.stringify(String(regionId).slice(0, 80))} is not a region id such as cn-hangzhou; no ${product} call was made.`,
      { field: 'regionId' },
    );
  }
  const chosen = env[ENDPOINT_ENV]?.trim() || accountOverride?.trim();
  if (!chosen) return { endpoint: defaultEndpoint(product, regionId), protocol: 'https' };
  const key = `${chosen}\u0000${product}\u0000${regionId}`;
  const known = resolvedOverrides.get(key);
  if (known) return { ...known };
  validateEndpointOverride(chosen);
  const url = new URL(chosen.replaceAll('{product}', product).replaceAll('{region}', regionId));
  const target: EndpointTarget = {
    endpoint: url.host,
    protocol: url.protocol === 'http:' ? 'http' : 'https',
  };
  if (resolvedOverrides.size >= MAX_RESOLVED_OVERRIDES) resolvedOverrides.clear();
  resolvedOverrides.set(key, target);
  return { ...target };
}

export function isLoopbackEndpoint(target: EndpointTarget): boolean {
  const host = target.endpoint.startsWith('[')
    ? target.endpoint.slice(0, target.endpoint.indexOf(']') + 1)
    : target.endpoint.split(':')[0]!;
  return isLoopbackHost(host);
}
