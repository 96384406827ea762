// The request pipeline shared by every product: route -> faults -> authenticate -> authorise
// -> settle the world's clock -> handler -> answer. Exactly one place renders errors.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { authenticate, type NonceCache } from '../auth/authenticate';
import { authorize } from '../auth/authorize';
import type { Faults } from '../faults';
import type { PageSizeCaps } from '../paging';
import { recordKmsCall } from '../products/kms';
import type { Product } from '../products/types';
import type { World } from '../world/world';
import { ApiError, commonError } from './errors';
import { resolveRegion, resolveRoute } from './route';
import { sendEmpty, sendError, sendHtml502, sendJson } from './respond';

export interface DispatchEnv {
  world: () => World;
  faults: Faults;
  pageCaps: PageSizeCaps;
  nonces: NonceCache;
  /** Called once per request with the outcome, for the log line and counters. */
  onDone: (info: {
    method: string;
    label: string;
    status: number | 'reset' | 'hang';
    ms: number;
  }) => void;
  /** Sockets of requests that were told to hang, so stop() can end them. */
  hanging: Set<IncomingMessage>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function dispatch(
  env: DispatchEnv,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  started: number,
): Promise<void> {
  const requestId = randomUUID().toUpperCase();
  const method = req.method ?? 'GET';
  const rawPath = (req.url ?? '/').split('?')[0]!;
  const url = new URL(req.url ?? '/', 'http://sim');
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const params: Record<string, string> = { ...query };
  if (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
  }
  const header = (n: string) =>
    typeof req.headers[n] === 'string' ? (req.headers[n] as string) : undefined;
  let product: Product | undefined;
  let regionId: string | undefined;
  let label = `? ${rawPath}`;
  const done = (status: number | 'reset' | 'hang') =>
    env.onDone({ method, label, status, ms: Math.round(performance.now() - started) });

  try {
    const route = resolveRoute(
      method,
      rawPath,
      header('x-acs-version') ?? params.Version,
      header('x-acs-action') ?? params.Action,
    );
    product = route.product;
    label = `${product.id}/${route.action}`;
    if (product.regional) regionId = resolveRegion(product, params, header('host'));

    // A fault may target one region: RPC products name it in RegionId, CS in region_id.
    const faultRegion = regionId ?? params.RegionId ?? params.region_id;
    const { latencyMs, fault } = env.faults.forCall(product.id, route.action, faultRegion);
    if (latencyMs) await sleep(latencyMs);
    if (fault) {
      switch (fault.kind) {
        case 'reset':
          req.socket.destroy();
          return done('reset');
        case 'hang':
          env.hanging.add(req);
          req.socket.once('close', () => env.hanging.delete(req));
          return done('hang');
        case 'html502':
          sendHtml502(res, requestId);
          return done(502);
        case 'throttle': {
          const e = commonError(
            product.id,
            'Throttling',
            'Request was denied due to request throttling.',
            {
              'x-acs-retry-after': String(fault.retryAfterMs ?? 1000),
            },
          );
          throw new ApiError(fault.status ?? e.status, fault.code ?? e.code, e.message, e.headers);
        }
        case 'error500': {
          const e = commonError(
            product.id,
            'InternalError',
            'The request processing has failed due to some unknown error.',
          );
          throw new ApiError(fault.status ?? 500, fault.code ?? e.code, e.message);
        }
        case 'error503':
          throw new ApiError(
            fault.status ?? 503,
            fault.code ?? 'ServiceUnavailable',
            'The request has failed due to a temporary failure of the server.',
          );
      }
    }

    const world = env.world();
    const caller = authenticate(world, env.nonces, {
      product: product.id,
      method,
      rawPath,
      query,
      params,
      headers: req.headers,
      body,
    });
    const spec = product.actions[route.action]!;
    authorize(product.id, caller, spec.ram);
    if (product.regional && !regionId) {
      // Not a cloud rule: one loopback endpoint cannot tell regions apart (see README).
      throw commonError(
        product.id,
        'MissingParameter',
        `RegionId is mandatory: the simulator serves every region on one endpoint; pass RegionId or a Host header like ${product.host}.<region>.aliyuncs.com.`,
      );
    }
    if (product.regional && !world.regions.has(regionId!)) {
      throw new ApiError(404, 'InvalidRegion.NotFound', `The region ${regionId} does not exist.`);
    }
    const now = world.settle();
    let json: Record<string, unknown> = {};
    if (product.style === 'roa' && body.length) {
      try {
        json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        throw commonError(product.id, 'InvalidParameter', 'The request body is not valid JSON.');
      }
    }
    const result = spec.handler({
      world,
      faults: env.faults,
      pageCaps: env.pageCaps,
      caller,
      product: product.id,
      action: route.action,
      params,
      path: route.path,
      body: json && typeof json === 'object' ? json : {},
      regionId: regionId ?? '',
      requestId,
      now,
    });
    if (product.id === 'kms')
      recordKmsCall(world, caller, { regionId: regionId!, action: route.action, params, now });
    const status = result.status ?? 200;
    if ('empty' in result) sendEmpty(res, status, requestId);
    else sendJson(res, status, requestId, result.json);
    return done(status);
  } catch (err) {
    const e =
      err instanceof ApiError
        ? err
        : new ApiError(500, 'InternalError', 'The simulator failed unexpectedly.');
    if (!(err instanceof ApiError)) console.error('[simulator] handler crashed:', err);
    sendError(res, product, regionId, requestId, e);
    return done(e.status);
  }
}
