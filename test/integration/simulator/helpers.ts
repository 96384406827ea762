// Official SDK clients pointed at a simulator: only endpoint and protocol differ from the cloud.
import CS from '@alicloud/cs20151215';
import ECS from '@alicloud/ecs20140526';
import OpenApi, { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core';
import RAM from '@alicloud/ram20150501';
import STS from '@alicloud/sts20150401';
import VPC from '@alicloud/vpc20160428';
import * as $dara from '@darabonba/typescript';
import {
  demoCredentials,
  startSimulator,
  type Simulator,
  type StartOptions,
} from '../../../simulator';

/** Raw JSON as the generic callApi returns it (untyped, like the SDK's own `body`). */
export type Json = ReturnType<typeof JSON.parse>;

export interface Creds {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export function creds(accessKeyId: string): Creds {
  const c = demoCredentials().find((x) => x.accessKeyId === accessKeyId);
  if (!c) throw new Error(`no demo credential ${accessKeyId}`);
  return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret };
}

export function config(sim: Simulator, c: Creds, extra: Record<string, unknown> = {}) {
  return new $OpenApiUtil.Config({
    ...c,
    endpoint: sim.endpoint,
    protocol: 'http',
    regionId: 'cn-hangzhou',
    readTimeout: 5000,
    connectTimeout: 5000,
    ...extra,
  });
}

export const cs = (sim: Simulator, c: Creds, extra?: Record<string, unknown>) =>
  new CS(config(sim, c, extra));
export const ram = (sim: Simulator, c: Creds, extra?: Record<string, unknown>) =>
  new RAM(config(sim, c, extra));
export const sts = (sim: Simulator, c: Creds, extra?: Record<string, unknown>) =>
  new STS(config(sim, c, extra));
export const ecs = (sim: Simulator, c: Creds, extra?: Record<string, unknown>) =>
  new ECS(config(sim, c, extra));
export const vpc = (sim: Simulator, c: Creds, extra?: Record<string, unknown>) =>
  new VPC(config(sim, c, extra));

/** Generic RPC call exactly as capture.js does it (KMS 2016-01-20, ActionTrail 2020-07-06). */
export function rpc(sim: Simulator, c: Creds, extra?: Record<string, unknown>) {
  const client = new OpenApi(config(sim, c, extra));
  return (action: string, version: string, query: Record<string, unknown>) =>
    client.callApi(
      new $OpenApiUtil.Params({
        action,
        version,
        protocol: 'HTTPS',
        pathname: '/',
        method: 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      }),
      new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(query) }),
      new $dara.RuntimeOptions({}),
    ) as Promise<{ body: Json; headers: Record<string, string>; statusCode: number }>;
}

export const kms = (sim: Simulator, c: Creds, extra?: Record<string, unknown>) => {
  const call = rpc(sim, c, extra);
  return (action: string, query: Record<string, unknown> = {}, region = 'cn-hangzhou') =>
    call(action, '2016-01-20', { RegionId: region, ...query });
};
export const trail = (sim: Simulator, c: Creds, extra?: Record<string, unknown>) => {
  const call = rpc(sim, c, extra);
  return (query: Record<string, unknown> = {}, region = 'cn-hangzhou') =>
    call('LookupEvents', '2020-07-06', { RegionId: region, ...query });
};

/** Awaits a promise expected to reject; returns the error. */
export async function failure(p: Promise<unknown>): Promise<Json> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail, it succeeded');
}

export async function start(opts: StartOptions = {}): Promise<Simulator> {
  return startSimulator({ fixture: 'demo', port: 0, ...opts });
}
