// Where each product's API lives. By default the cloud's public endpoints; an account may
// override them (the demo account, private or VPC endpoints, tests), and ACK_SG_ENDPOINT sends
// every product of every account to one base URL. Plain http is allowed only to loopback: a
// signed request carries no secret, but its answers decide what we do to production clusters.
import { GuardError } from '../../contract';

export const PRODUCTS = ['cs', 'kms', 'ram', 'sts', 'actiontrail', 'ecs', 'vpc'] as const;
export type Product = (typeof PRODUCTS)[number];

export const ENDPOINT_ENV = 'ACK_SG_ENDPOINT';

export interface EndpointTarget {
  /** host[:port], as the SDK's Config.endpoint wants it. */
  endpoint: string;
  protocol: 'https' | 'http';
}

/** The public endpoint of a product in a region (docs/alibaba-cloud-api.md §3). */
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

/** Resolves the endpoint: ACK_SG_ENDPOINT, then the account's override, then the public one. */
export function resolveEndpoint(
  product: Product,
  regionId: string,
  accountOverride?: string | null,
  env: NodeJS.ProcessEnv = process.env,
): EndpointTarget {
  const chosen = env[ENDPOINT_ENV]?.trim() || accountOverride?.trim();
  if (!chosen) return { endpoint: defaultEndpoint(product, regionId), protocol: 'https' };
  validateEndpointOverride(chosen);
  const url = new URL(chosen.replaceAll('{product}', product).replaceAll('{region}', regionId));
  return { endpoint: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https' };
}

export function isLoopbackEndpoint(target: EndpointTarget): boolean {
  const host = target.endpoint.startsWith('[')
    ? target.endpoint.slice(0, target.endpoint.indexOf(']') + 1)
    : target.endpoint.split(':')[0]!;
  return isLoopbackHost(host);
}
