// Property/fuzz test of the IPC registration point: random hostile payloads at every channel.
// Properties, for every generated call:
//   - nothing throws or rejects out of the handler; the answer is always an envelope;
//   - a call from a foreign sender gets forbidden-sender, one with extra arguments a validation
//     error, and neither reaches the core;
//   - a payload the contract schema refuses (or chokes on) gets a validation error and never
//     reaches the core; one it accepts reaches the core exactly once, with the schema's output;
//   - whatever reaches the core carries no prototype-pollution keys, errors never echo the
//     payload back in bulk, and Object.prototype is untouched at the end.
// The channel list comes from the contract, so operations added later are fuzzed automatically.
// Reproduce a failure with FUZZ_SEED=<seed printed in the message>; FUZZ_RUNS changes the count.
import { inspect, isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, isContractError, callChannel } from '../../../electron/contract';
import type { CoreApi, CallName } from '../../../electron/contract';
import { inputSchemas } from '../../../electron/contract/schemas';
import { dispatch } from '../../../electron/core/dispatch';
import { EventHub } from '../../../electron/core/events';
import { registerIpc } from '../../../electron/main/ipc';
import type { InvokeEventLike, IpcMainLike } from '../../../electron/main/ipc';

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2026);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const OUR_PAGE = 'app://guard/index.html';
const OUR_ID = 7;

// ---- a small seeded PRNG (mulberry32) and generator helpers ---------------------------------

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Field names, enum members and literals found in a zod schema, to aim payloads at real fields. */
function schemaVocabulary(schema: unknown): { keys: string[]; values: unknown[] } {
  const keys = new Set<string>();
  const values: unknown[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || seen.has(node) || depth > 12) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def.shape as Record<string, unknown> | undefined;
    if (shape && typeof shape === 'object') {
      for (const [key, child] of Object.entries(shape)) {
        keys.add(key);
        walk(child, depth + 1);
      }
    }
    if (Array.isArray(def.values)) values.push(...(def.values as unknown[]));
    if (def.entries && typeof def.entries === 'object') values.push(...Object.values(def.entries));
    for (const field of [
      'innerType',
      'in',
      'out',
      'element',
      'schema',
      'left',
      'right',
      'valueType',
      'keyType',
      'catchall',
      'rest',
    ]) {
      walk(def[field], depth + 1);
    }
    for (const field of ['options', 'items']) {
      if (Array.isArray(def[field]))
        for (const child of def[field] as unknown[]) walk(child, depth + 1);
    }
  };
  walk(schema, 0);
  return { keys: [...keys], values };
}

const HUGE = 'A'.repeat(2 * 1024 * 1024);
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];
const NASTY_STRINGS = [
  '',
  ' ',
  'app.info',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '..\\..\\Windows\\System32',
  'file:///etc/shadow',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE accounts; --",
  '\u0000',
  '\ud800', // lone surrogate
  '\u202eevil', // right-to-left override
  '集群',
  'cn-hangzhou',
  'c-123456789abcdef',
  '00000000-0000-0000-0000-000000000000',
  '9007199254740993',
  'NaN',
  '%00%2e%2e%2f',
  '${process.env}',
  '{{constructor.constructor("return process")()}}',
];

function randomString(rng: Rng): string {
  switch (rng.int(5)) {
    case 0:
      return rng.pick(NASTY_STRINGS);
    case 1:
      return HUGE.slice(0, 1 + rng.int(HUGE.length)); // up to 2 MB
    case 2:
      return Array.from({ length: rng.int(40) }, () => String.fromCharCode(rng.int(0x10000))).join(
        '',
      );
    default:
      return Array.from({ length: 1 + rng.int(24) }, () =>
        String.fromCharCode(32 + rng.int(95)),
      ).join('');
  }
}

function randomNumber(rng: Rng): number {
  return rng.pick([
    0,
    -0,
    1,
    -1,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_VALUE,
    1e308,
    rng.next() * 1e6 - 5e5,
    rng.int(1000),
  ]);
}

type Vocabulary = { keys: string[]; values: unknown[] };

function throwingGetterObject(rng: Rng): object {
  const target: Record<string, unknown> = {};
  Object.defineProperty(target, rng.pick(['accountId', 'value', 'x', ...POLLUTION_KEYS]), {
    enumerable: true,
    get() {
      throw new Error('getter says no');
    },
  });
  return target;
}

function hostileProxy(): object {
  const boom = () => {
    throw new Error('proxy trap says no');
  };
  return new Proxy(
    {},
    { get: boom, has: boom, ownKeys: boom, getPrototypeOf: boom, getOwnPropertyDescriptor: boom },
  );
}

function deepNest(rng: Rng): unknown {
  const depth = 100 + rng.int(5000);
  let value: unknown = rng.pick([null, 'leaf', 1]);
  for (let i = 0; i < depth; i += 1) value = rng.chance(0.5) ? [value] : { a: value };
  return value;
}

function cyclic(rng: Rng, vocabulary: Vocabulary): unknown {
  if (rng.chance(0.5)) {
    const list: unknown[] = [1];
    list.push(list);
    return list;
  }
  const object: Record<string, unknown> = {};
  const key = vocabulary.keys.length > 0 && rng.chance(0.7) ? rng.pick(vocabulary.keys) : 'self';
  object[key] = object;
  return object;
}

function randomObject(rng: Rng, vocabulary: Vocabulary, depth: number): unknown {
  const size = rng.int(6);
  // Own "__proto__" keys can only be made by a parser, as a hostile JSON body would be.
  if (rng.chance(0.15)) {
    const key = rng.pick(POLLUTION_KEYS);
    return JSON.parse(`{"${key}": {"polluted": true, "prototype": {"polluted": true}}, "x": 1}`);
  }
  const object: Record<string | symbol, unknown> = rng.chance(0.1) ? Object.create(null) : {};
  for (let i = 0; i < size; i += 1) {
    const key =
      vocabulary.keys.length > 0 && rng.chance(0.6)
        ? rng.pick(vocabulary.keys)
        : rng.chance(0.2)
          ? rng.pick(POLLUTION_KEYS)
          : randomString(rng).slice(0, 64);
    // defineProperty, not assignment: an own "__proto__" key, and no clash with a read-only
    // property inherited from a prototype an earlier key may have set.
    Object.defineProperty(object, key, {
      value: randomValue(rng, vocabulary, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  if (rng.chance(0.05)) object[Symbol('hidden')] = 'symbol-keyed';
  return object;
}

function randomValue(rng: Rng, vocabulary: Vocabulary, depth = 0): unknown {
  const leaf = depth > 3;
  const kind = rng.int(leaf ? 8 : 24);
  switch (kind) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return rng.chance(0.5);
    case 3:
      return randomNumber(rng);
    case 4:
    case 5:
      return randomString(rng);
    case 6:
      return vocabulary.values.length > 0 ? rng.pick(vocabulary.values) : randomString(rng);
    case 7:
      return rng.pick<() => unknown>([
        () => 10n,
        () => 2n ** 70n,
        () => Symbol('s'),
        () => () => 'fn',
      ])();
    case 8:
    case 9:
    case 10:
    case 11:
      return randomObject(rng, vocabulary, depth);
    case 12:
      return Array.from({ length: rng.int(5) }, () => randomValue(rng, vocabulary, depth + 1));
    case 13: {
      // Huge lengths without the memory: a sparse array (dictionary mode) or an array-like.
      if (rng.chance(0.5)) return { length: 2 ** 31, 0: 'x' };
      const sparse: unknown[] = [];
      sparse.length = rng.pick([3, 2 ** 32 - 1]);
      return sparse;
    }
    case 14:
      // Thunks: build only the one picked (an Error captures a stack, which is slow).
      return rng.pick<() => unknown>([
        () => new Uint8Array(rng.int(64)),
        () => new Float64Array([NaN, -0, Infinity]),
        () => new BigInt64Array(2),
        () => new DataView(new ArrayBuffer(8)),
        () => new ArrayBuffer(16),
        () => Buffer.from('buffer'),
      ])();
    case 15:
      return rng.pick<() => unknown>([
        () => new Date(NaN),
        () => new Date(0),
        () => /re(g)ex/giu,
        () => new Map([['accountId', 'x']]),
        () => new Set([1, 2]),
        () => new Error('not an input'),
        () => Promise.resolve(1),
      ])();
    case 16:
      return deepNest(rng);
    case 17:
      return cyclic(rng, vocabulary);
    case 18:
      return throwingGetterObject(rng);
    case 19:
      return hostileProxy();
    case 20:
      return {
        toJSON() {
          throw new Error('toJSON says no');
        },
        valueOf() {
          throw new Error('valueOf says no');
        },
        toString() {
          throw new Error('toString says no');
        },
      };
    case 21:
      // Inherited fields: structured clone would drop them, the handler must not care either way.
      return Object.create(randomObject(rng, vocabulary, depth + 1) as object);
    case 22:
      return Object.freeze(randomObject(rng, vocabulary, depth + 1));
    default:
      return [randomObject(rng, vocabulary, depth + 1)];
  }
}

const BAD_SENDERS: InvokeEventLike[] = [
  { sender: { id: OUR_ID + 1 }, senderFrame: { url: OUR_PAGE } },
  { sender: { id: OUR_ID }, senderFrame: { url: 'https://evil.example/' } },
  { sender: { id: OUR_ID }, senderFrame: { url: 'app://guard.evil.example/index.html' } },
  { sender: { id: OUR_ID }, senderFrame: { url: 'file:///tmp/index.html' } },
  { sender: { id: OUR_ID }, senderFrame: null },
  { sender: { id: OUR_ID } },
  { sender: { id: -1 }, senderFrame: { url: OUR_PAGE } },
  {} as InvokeEventLike,
];

// ---- the harness -------------------------------------------------------------------------------

interface CoreCall {
  name: string;
  input: unknown;
}

function setup() {
  const handlers = new Map<
    string,
    (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>
  >();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const calls: CoreCall[] = [];
  const api = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        calls.push({ name, input });
        return { answered: name };
      },
    ]),
  ) as unknown as CoreApi;
  registerIpc({
    ipcMain,
    core: { api, events: new EventHub() },
    window: () => ({ id: OUR_ID, isDestroyed: () => false, send: () => undefined }),
    isTrustedUrl: (url) => url === OUR_PAGE,
    reportUnexpected: () => undefined,
  });
  return { handlers, calls };
}

/** Own keys that would pollute a prototype if merged somewhere, anywhere in the value. */
function findPollutionKey(value: unknown): string | null {
  const stack: unknown[] = [value];
  const seen = new WeakSet<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    for (const key of Reflect.ownKeys(node)) {
      if (typeof key === 'string' && POLLUTION_KEYS.includes(key)) return key;
      stack.push((node as Record<string | symbol, unknown>)[key]);
    }
  }
  return null;
}

function safeDescribe(value: unknown): string {
  try {
    return inspect(value, { depth: 3, maxStringLength: 200, maxArrayLength: 10 });
  } catch {
    return '[not inspectable]';
  }
}

type Expected = { kind: 'reject' } | { kind: 'accept'; data: unknown };

function expectedFor(name: CallName, payload: unknown): Expected {
  try {
    const parsed = inputSchemas[name].safeParse(payload);
    return parsed.success ? { kind: 'accept', data: parsed.data } : { kind: 'reject' };
  } catch {
    return { kind: 'reject' };
  }
}

describe.each(CALL_NAMES.map((name) => [name]))('fuzzing %s', (name) => {
  it(`survives ${RUNS} random payloads (seed ${SEED})`, async () => {
    const rng = new Rng(SEED ^ hashString(name));
    const vocabulary = schemaVocabulary(inputSchemas[name]);
    const { handlers, calls } = setup();
    const handler = handlers.get(callChannel(name));
    expect(handler, `no handler for ${name}`).toBeDefined();
    const trusted: InvokeEventLike = { sender: { id: OUR_ID }, senderFrame: { url: OUR_PAGE } };
    const tally = { accepted: 0, rejected: 0, forbidden: 0, extraArgs: 0 };

    for (let run = 0; run < RUNS; run += 1) {
      const where = `${name} case ${run} (FUZZ_SEED=${SEED})`;
      const payload = randomValue(rng, vocabulary);
      const roll = rng.next();
      const badSender = roll < 0.05;
      const args: unknown[] =
        roll < 0.07
          ? []
          : roll < 0.15
            ? [
                payload,
                ...Array.from({ length: 1 + rng.int(4) }, () => randomValue(rng, vocabulary)),
              ]
            : [payload];
      const event = badSender ? rng.pick(BAD_SENDERS) : trusted;
      const before = calls.length;

      let reply: unknown;
      try {
        reply = await handler!(event, ...args);
      } catch (error) {
        throw new Error(`${where}: the handler threw ${String(error)}`, { cause: error });
      }

      // Plain checks in the hot loop (vitest's expect costs ~50 µs a call, x6 x 10,000 x channels).
      const check = (condition: boolean, what: string): void => {
        if (!condition) {
          throw new Error(
            `${where}: ${what}; reply ${safeDescribe(reply)}; args ${safeDescribe(args)}`,
          );
        }
      };
      check(typeof reply === 'object' && reply !== null, 'the reply is not an envelope');
      const envelope = reply as {
        ok: boolean;
        value?: unknown;
        error?: { code?: unknown; message?: unknown };
      };
      if (!envelope.ok) {
        check(isContractError(envelope.error), 'the error is not a contract error');
        // A 2 MB payload must not come back inside the error message.
        check(String(envelope.error?.message).length < 4096, 'the error message is huge');
      }
      const code = envelope.ok ? null : envelope.error?.code;

      if (badSender) {
        tally.forbidden += 1;
        check(code === 'forbidden-sender', 'a foreign sender was not refused');
        check(calls.length === before, 'the core was called for a foreign sender');
        continue;
      }
      if (args.length > 1) {
        tally.extraArgs += 1;
        check(code === 'validation', 'extra arguments were not refused');
        check(calls.length === before, 'the core was called despite extra arguments');
        continue;
      }
      const expected = expectedFor(name, args[0]);
      if (expected.kind === 'reject') {
        tally.rejected += 1;
        check(code === 'validation', 'a payload the schema refuses was not a validation error');
        check(calls.length === before, 'the core was called with a payload the schema refuses');
      } else {
        tally.accepted += 1;
        check(
          envelope.ok && isDeepStrictEqual(envelope.value, { answered: name }),
          'no ok envelope',
        );
        check(calls.length === before + 1, 'the core was not called exactly once');
        const call = calls[calls.length - 1]!;
        check(call.name === name, `the core was called as ${call.name}`);
        check(
          isDeepStrictEqual(call.input, expected.data),
          'the core got other data than the schema output',
        );
        check(findPollutionKey(call.input) === null, 'the core got a prototype-pollution key');
      }
    }

    // Every kind of call was really exercised (a generator bug cannot make this vacuous).
    expect(tally.forbidden).toBeGreaterThan(RUNS * 0.02);
    expect(tally.extraArgs).toBeGreaterThan(RUNS * 0.04);
    expect(tally.rejected).toBeGreaterThan(RUNS * 0.3);
    expect(tally.accepted + tally.rejected + tally.forbidden + tally.extraArgs).toBe(RUNS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 120_000);
});

describe('channels outside the contract', () => {
  it('have no handler, and the dispatcher refuses random operation names', async () => {
    const { handlers, calls } = setup();
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
    const rng = new Rng(SEED);
    const api = Object.fromEntries(
      CALL_NAMES.map((n) => [n, async () => 'reached']),
    ) as unknown as CoreApi;
    for (let run = 0; run < 1000; run += 1) {
      const name = rng.pick<unknown>([
        randomString(rng),
        ...POLLUTION_KEYS,
        'toString',
        'hasOwnProperty',
        'APP.INFO',
        ' app.info',
        null,
        42,
        Symbol('op'),
      ]);
      if (typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name)) continue;
      await expect(dispatch(api, name, {}), `name ${String(name)}`).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-call' },
      });
    }
    expect(calls).toEqual([]);
  });
});
