// The shape every product handler shares. One RPC dispatcher and one ROA router (http/) turn a
// request into a Ctx, check RAM permission from `ram`, and call the handler.
import type { Caller } from '../auth/caller';
import type { World } from '../world/world';
import type { Faults } from '../faults';
import type { PageSizeCaps } from '../paging';
import type { ProductId } from './product-id';

export interface Ctx {
  world: World;
  faults: Faults;
  /** Page-size caps of the listings (paging.ts). */
  pageCaps: PageSizeCaps;
  caller: Caller;
  product: ProductId;
  action: string;
  /** RPC: query + form merged. ROA: query. */
  params: Record<string, string>;
  /** ROA path parameters. */
  path: Record<string, string>;
  /** ROA JSON body (already parsed), or {}. */
  body: Record<string, unknown>;
  /** For regional RPC products: the region the request addressed. */
  regionId: string;
  requestId: string;
  /** Simulated now (world already settled). */
  now: number;
}

export type Result = { json: unknown; status?: number } | { empty: true; status?: number };

export interface ActionSpec {
  /** RAM action checked before the handler runs; null = no permission needed (GetCallerIdentity). */
  ram: string | null;
  handler: (ctx: Ctx) => Result;
}

export interface RoaRoute {
  method: string;
  /** e.g. /clusters/:ClusterId/kms */
  path: string;
  action: string;
}

export interface Product {
  id: ProductId;
  style: 'rpc' | 'roa';
  version: string;
  /** Host prefix for HostId/eventSource, e.g. "kms". */
  host: string;
  /** RPC products whose endpoint is per region need a region per request. */
  regional: boolean;
  actions: Record<string, ActionSpec>;
  routes?: RoaRoute[];
}
