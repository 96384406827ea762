// RPC answers (ECS, VPC) read as plain JSON, with the casting rules of the SDK response models
// they replace. Those SDKs (@alicloud/ecs20140526, @alicloud/vpc20160428) are thousands of
// generated model files: loading them was more than half the CPU of a `check` that needs four
// read-only calls. Their request is openapi-core's RPC call (cloud/rpc.ts sends the same; the wire test
// test/integration/cloud/ecs-vpc-wire.test.ts compares both), and their answer is the JSON body
// passed through @darabonba/typescript 1.0.5's cast() (cloud/sdk-cast.ts), model fields by their
// wire name. Only the fields we use are read, with those rules; a mistyped field we do not use no
// longer fails the call.
import type { Product } from './endpoints';
import { rpcCall } from './rpc';
import type { RpcQuery } from './rpc';
import { castNumber, castString, mismatch } from './sdk-cast';
import type { CloudSession } from './session';

/** One read-only RPC call; the answer is read inside the call, where the SDK cast it. */
export function rpcRead<T>(
  session: CloudSession,
  api: { product: Product; version: string },
  action: string,
  regionId: string,
  query: RpcQuery,
  read: (body: WireObject) => T,
): Promise<T> {
  return session.call(
    api.product,
    action,
    regionId,
    async (config) => read(readBody(await rpcCall(config, action, api.version, query))),
    { idempotent: true },
  );
}

/** How a field is cast: the SDK model's type for it. */
export type WireType = 'string' | 'number';

/** Our (the SDK model's) field name → the wire's name and the model's type. */
export type WireFields = Readonly<Record<string, readonly [wire: string, type: WireType]>>;

/** What the SDK model would hold of those fields. */
export type WireModel<F extends WireFields> = {
  -readonly [K in keyof F]?: F[K][1] extends 'number' ? number : string;
};

export type WireObject = Record<string, unknown>;

/** One model (an answer's body, a list's item): an object, else cast()'s "can not cast to Map". */
export function readModel<F extends WireFields>(raw: unknown, fields: F): WireModel<F> {
  if (!raw || typeof raw !== 'object') throw new Error('can not cast to Map');
  const wire = raw as WireObject;
  const out: Record<string, string | number> = {};
  for (const [key, [name, type]] of Object.entries(fields)) {
    const value = type === 'number' ? castNumber(key, wire[name]) : castString(key, wire[name]);
    if (value !== undefined) out[key] = value;
  }
  return out as WireModel<F>;
}

/** A nested model field (`SecurityGroups`, `NetworkAclAttribute`); absent when missing or null. */
export function readObject(
  raw: WireObject | undefined,
  key: string,
  name: string,
): WireObject | undefined {
  const value = raw?.[name];
  if (value === undefined || value === null) return undefined;
  if (!(value instanceof Object)) throw mismatch(key, 'object', value);
  return value as WireObject;
}

/** An array field, its items as sent; empty when missing or null. */
export function readArray(raw: WireObject | undefined, key: string, name: string): unknown[] {
  const value = raw?.[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw mismatch(key, 'array', value);
  return value;
}

/**
 * The wrapped list of an RPC answer, `{ SecurityGroups: { SecurityGroup: [...] } }`: `outer` and
 * `inner` as [model name, wire name].
 */
export function readList(
  raw: WireObject | undefined,
  outer: readonly [string, string],
  inner: readonly [string, string],
): unknown[] {
  return readArray(readObject(raw, ...outer), ...inner);
}

/** The answer's body: an object, or nothing (absent fields). */
export function readBody(body: unknown): WireObject {
  if (body === undefined || body === null) return {};
  if (!(body instanceof Object)) throw mismatch('body', 'object', body);
  return body as WireObject;
}
