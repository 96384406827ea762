// Generic RPC calls through @alicloud/openapi-core, for products without a usable SDK here:
// KMS (the registry's kms20160120 is the legacy generation that mangles error codes and drops
// fields) and ActionTrail (no SDK on the registry). This is exactly what their 2.x SDKs send:
// POST /, ACS3-HMAC-SHA256 in the Authorization header, parameters in the query string.
// ECS and VPC go through it too (rpc-wire.ts): their SDKs send the same request, but loading their
// thousands of model files was more than half of a `check`'s CPU. Regional products get the
// common RegionId parameter from their callers. openapi-core is loaded by the first call
// (openapi-core.ts).
import type { $OpenApiUtil } from '@alicloud/openapi-core';
import { openApiCore } from './openapi-core';

export type RpcQuery = Record<string, string | number | boolean | undefined | null>;

export async function rpcCall<T = Record<string, unknown>>(
  config: $OpenApiUtil.Config,
  action: string,
  version: string,
  query: RpcQuery,
): Promise<T> {
  const { OpenApi, $OpenApiUtil, $dara } = await openApiCore();
  const client = new OpenApi(config);
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) clean[key] = String(value);
  }
  const params = new $OpenApiUtil.Params({
    action,
    version,
    protocol: 'HTTPS', // overridden by config.protocol (http only for loopback)
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  const request = new $OpenApiUtil.OpenApiRequest({ query: clean });
  const response = (await client.callApi(params, request, new $dara.RuntimeOptions({}))) as {
    body?: unknown;
  };
  return (response.body ?? {}) as T;
}
