// Parameter helpers shared by all handlers, so validation errors look the same everywhere.
import { commonError, type ApiError } from '../http/errors';
import type { Ctx } from './types';

export function requireParam(ctx: Ctx, name: string): string {
  const v = ctx.params[name];
  if (v === undefined || v === '')
    throw commonError(ctx.product, 'MissingParameter', `${name} is mandatory for this action.`);
  return v;
}

export function intParam(ctx: Ctx, name: string, def: number, min: number, max: number): number {
  const raw = ctx.params[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw commonError(
      ctx.product,
      'InvalidParameter',
      `The parameter ${name} is invalid: must be an integer from ${min} to ${max}.`,
    );
  }
  return n;
}

export function boolParam(ctx: Ctx, name: string): boolean | undefined {
  const raw = ctx.params[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw commonError(
    ctx.product,
    'InvalidParameter',
    `The parameter ${name} must be true or false.`,
  );
}

export function page<T>(items: readonly T[], pageNumber: number, pageSize: number): T[] {
  return items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
}

/** ECS/VPC-style JSON array parameter, e.g. SecurityGroupIds='["sg-1","sg-2"]'. */
export function jsonArrayParam(ctx: Ctx, name: string): string[] | undefined {
  const raw = ctx.params[name];
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  } catch {
    /* fall through */
  }
  throw commonError(
    ctx.product,
    'InvalidParameter',
    `The parameter ${name} must be a JSON array of strings.`,
  );
}

/** RPC repeat-list parameters flattened as Name.1.Field (the SDK's flattening). */
export function repeatList(ctx: Ctx, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`^${name.replace('.', '\\.')}\\.(\\d+)\\.(\\w+)$`);
  for (const [k, v] of Object.entries(ctx.params)) {
    const m = re.exec(k);
    if (!m) continue;
    const i = Number(m[1]) - 1;
    (out[i] ??= {})[m[2]!] = v;
  }
  return out.filter(Boolean);
}

/** Opaque pagination token: the offset, so a token from another query is detectably bogus. */
export function encodeToken(offset: number, salt: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: salt })).toString('base64url');
}
export function decodeToken(
  ctx: Ctx,
  token: string | undefined,
  salt: string,
  err: () => ApiError,
): number {
  if (!token) return 0;
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString()) as { o: number; s: string };
    if (typeof v.o === 'number' && v.s === salt) return v.o;
  } catch {
    /* fall through */
  }
  throw err();
}
