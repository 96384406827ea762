// ActionTrail 2020-07-06 LookupEvents, RPC, regional (no endpoint in cn-wuhan-lr, cn-fuzhou,
// cn-zhongwei: those regions answer InvalidRegion.NotFound here).
import { createHash } from 'node:crypto';
import { isoUtc } from '../clock';
import { ApiError } from '../http/errors';
import { LOOKUP_KEYS, type TrailEvent } from '../world/events';
import type { Ctx, Product } from './types';
import { intParam, repeatList } from './util';

const TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function time(ctx: Ctx, name: 'StartTime' | 'EndTime'): number | undefined {
  const v = ctx.params[name];
  if (v === undefined || v === '') return undefined;
  if (!TIME_RE.test(v) || Number.isNaN(Date.parse(v))) {
    throw new ApiError(
      400,
      `InvalidParameter${name}`,
      `The ${name} parameter must be UTC yyyy-MM-ddTHH:mm:ssZ.`,
    );
  }
  return Date.parse(v);
}

function lookupEvents(ctx: Ctx) {
  const region = ctx.world.regions.get(ctx.regionId);
  if (!region || !region.actionTrail) {
    // The real service has no endpoint here (DNS fails); GUESS: a clear 404 instead.
    throw new ApiError(
      404,
      'InvalidRegion.NotFound',
      `ActionTrail has no endpoint in region ${ctx.regionId}.`,
    );
  }
  let start = time(ctx, 'StartTime');
  let end = time(ctx, 'EndTime');
  if ((start === undefined) !== (end === undefined)) {
    throw new ApiError(
      400,
      'InvalidParameterCombination',
      'StartTime and EndTime must be given together.',
    );
  }
  end ??= ctx.now;
  start ??= end - 7 * 86400_000;
  if (end < start)
    throw new ApiError(
      400,
      'InvalidParameterCombination',
      'EndTime must not be earlier than StartTime.',
    );
  const max = ctx.pageCaps.apply(
    'actiontrail/LookupEvents',
    intParam(ctx, 'MaxResults', 20, 1, 50),
  );
  const direction = ctx.params.Direction === 'FORWARD' ? 'FORWARD' : 'BACKWARD';
  // Only two conditions count; a repeated key keeps the second (docs/alibaba-cloud-api.md §8.1).
  const byKey = new Map<string, string>();
  for (const a of repeatList(ctx, 'LookupAttribute').slice(0, 2)) {
    if (!a.Key || !LOOKUP_KEYS.has(a.Key))
      throw new ApiError(400, 'InvalidQueryParameter', `Invalid LookupAttribute key ${a.Key}.`);
    byKey.set(a.Key, a.Value ?? '');
  }
  const attributes = [...byKey].map(([key, value]) => ({ key, value }));
  const events = ctx.world.events.lookup(
    { accountId: ctx.caller.accountId, regionId: ctx.regionId, start, end, attributes, direction },
    ctx.now,
  );

  // The token pins the query: the same parameters must come back with it. (The parameters as
  // sent: a query without StartTime/EndTime defaults to "now", which moves between pages.)
  const salt = createHash('sha1')
    .update(
      JSON.stringify([ctx.params.StartTime ?? '', ctx.params.EndTime ?? '', direction, attributes]),
    )
    .digest('hex')
    .slice(0, 12);
  let from = 0;
  if (ctx.params.NextToken) {
    const cur = decode(ctx.params.NextToken);
    if (!cur || cur.s !== salt)
      throw new ApiError(
        400,
        'InvalidQueryParameter',
        'The NextToken does not belong to this query.',
      );
    from = events.findIndex((e) => after(e, cur, direction));
    if (from < 0) from = events.length;
  }
  const slice = events.slice(from, from + max);
  const last = slice[slice.length - 1];
  const more = from + max < events.length && last;
  return {
    json: {
      RequestId: ctx.requestId,
      StartTime: isoUtc(start),
      EndTime: isoUtc(end),
      NextToken: more ? encode({ ms: last.ms, id: String(last.json.eventId), s: salt }) : '',
      Events: slice.map((e) => e.json),
    },
  };
}

interface Cursor {
  ms: number;
  id: string;
  s: string;
}
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(t: string): Cursor | undefined {
  try {
    const c = JSON.parse(Buffer.from(t, 'base64url').toString()) as Cursor;
    return typeof c.ms === 'number' && typeof c.id === 'string' ? c : undefined;
  } catch {
    return undefined;
  }
}
function after(e: TrailEvent, c: Cursor, dir: 'FORWARD' | 'BACKWARD'): boolean {
  if (e.ms !== c.ms) return dir === 'FORWARD' ? e.ms > c.ms : e.ms < c.ms;
  return String(e.json.eventId).localeCompare(c.id) > 0;
}

export const actiontrail: Product = {
  id: 'actiontrail',
  style: 'rpc',
  version: '2020-07-06',
  host: 'actiontrail',
  regional: true,
  actions: { LookupEvents: { ram: 'actiontrail:LookupEvents', handler: lookupEvents } },
};
