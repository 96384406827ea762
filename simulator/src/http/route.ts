// Request -> (product, action). RPC by x-acs-version + x-acs-action (or the legacy Version and
// Action parameters); ROA (CS) by method and path. One router for all products.
import { PRODUCTS, BY_VERSION } from '../products';
import type { Product } from '../products/types';
import { ApiError, commonError } from './errors';

export interface Route {
  product: Product;
  action: string;
  path: Record<string, string>;
}

interface CompiledRoute {
  method: string;
  re: RegExp;
  names: string[];
  action: string;
  product: Product;
}

const ROA: CompiledRoute[] = PRODUCTS.filter((p) => p.style === 'roa').flatMap((p) =>
  (p.routes ?? []).map((r) => {
    const names: string[] = [];
    const re = new RegExp(
      `^${r.path.replace(/:(\w+)/g, (_, n: string) => (names.push(n), '([^/]+)'))}/?$`,
    );
    return { method: r.method, re, names, action: r.action, product: p };
  }),
);

const CS = PRODUCTS.find((p) => p.id === 'cs')!;

export function resolveRoute(
  method: string,
  rawPath: string,
  version: string | undefined,
  action: string | undefined,
): Route {
  const product = version ? BY_VERSION.get(version) : rawPath === '/' ? undefined : CS;
  if (!product) {
    if (!version)
      throw new ApiError(400, 'MissingParameter', 'Version is mandatory for this action.');
    throw new ApiError(
      404,
      'InvalidVersion',
      `Specified parameter Version ${version} is not valid.`,
    );
  }
  if (product.style === 'roa') {
    for (const r of ROA) {
      if (r.product !== product || r.method !== method) continue;
      const m = r.re.exec(rawPath);
      if (!m) continue;
      const path: Record<string, string> = {};
      r.names.forEach((n, i) => (path[n] = decodeURIComponent(m[i + 1]!)));
      return { product, action: r.action, path };
    }
    throw commonError(
      product.id,
      'InvalidApi.NotFound',
      `Specified api is not found, please check your url and method: ${method} ${rawPath}.`,
    );
  }
  if (!action)
    throw commonError(product.id, 'MissingParameter', 'Action is mandatory for this request.');
  if (rawPath !== '/' || !product.actions[action]) {
    throw commonError(
      product.id,
      'InvalidApi.NotFound',
      `Specified api is not found, please check your url and method: ${action}.`,
    );
  }
  return { product, action, path: {} };
}

/** Region of a regional RPC call: RegionId parameter, else a real-looking Host header. */
export function resolveRegion(
  product: Product,
  params: Record<string, string>,
  host: string | undefined,
): string | undefined {
  if (params.RegionId) return params.RegionId;
  const m = /^([a-z]+)(?:-vpc)?\.([a-z0-9-]+)\.aliyuncs\.com(?::\d+)?$/.exec(host ?? '');
  if (m && m[1] === product.host) return m[2];
  return undefined;
}
