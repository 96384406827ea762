// Redaction must be linear: a hostile endpoint's error message (or a cluster name) passes through
// it on the way to the audit file and the log, and a pattern that backtracks would freeze the
// process. Time is compared as a RATIO to a plain input of the same length, as medians of several
// runs, so a slow or busy machine does not make the test flaky — only super-linear growth fails.
import { describe, expect, it } from 'vitest';
import {
  MAX_REDACTED_TEXT,
  REDACTED,
  redactText,
  redactValue,
} from '../../../electron/core/log/redact';

/** Median milliseconds of `runs` redactions of `text`. */
function medianMs(text: string, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    redactText(text);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

/** Builds `length` characters by repeating `unit` after `prefix`. */
function build(prefix: string, unit: string, length: number): string {
  let out = prefix;
  while (out.length < length) out += unit;
  return out.slice(0, length);
}

// A generous ratio: linear rules stay within a small factor of plain text; the old rules took
// seconds (exponential) where plain text took microseconds.
const MAX_RATIO = 30;
// Below this, timer noise dominates: a median under it passes whatever the ratio.
const NOISE_FLOOR_MS = 5;
// Just under the clipping cap: all of it is really redacted (a quadratic rule would take seconds).
const LENGTH = MAX_REDACTED_TEXT - 1_000;

function expectLinear(hostile: string): void {
  const plain = 'a b'.repeat(Math.ceil(hostile.length / 3)).slice(0, hostile.length);
  redactText(plain); // warm up the regexes
  const base = Math.max(medianMs(plain), 0.05);
  const took = medianMs(hostile);
  if (took < NOISE_FLOOR_MS) return;
  expect(took / base, `${took.toFixed(1)} ms vs ${base.toFixed(2)} ms for plain text`).toBeLessThan(
    MAX_RATIO,
  );
}

describe('redaction stays linear on hostile input', () => {
  // 30 backslashes after a secret-looking name took ~0.1 s with the old rules, each extra one
  // doubling it: this case fails quickly on them instead of hanging.
  it('a short backslash run after a quoted secret name', () => {
    expectLinear(`{"accessKeySecret": "${'\\'.repeat(30)}`);
  });

  it.each([
    ['a long backslash run after a secret name', build('"SecurityToken": "', '\\', LENGTH)],
    [
      'backslash runs after many secret names',
      build('', `"password": "${'\\'.repeat(40)}`, LENGTH),
    ],
    ['a quote run after a secret name', build('secret=', '"', LENGTH)],
    ['quote runs after many names', build('', `'token': '${"'".repeat(25)}`, LENGTH)],
    ['a long key=value chain', build('', 'AccessKeySecret=x&sts_token=y;', LENGTH)],
    ['names without values', build('', 'password password_token secret ', LENGTH)],
    ['nested JSON', build('', '{\\"a\\":{\\\\\\"secret\\\\\\":\\\\\\"', LENGTH)],
    ['a long word', build('', 'tokensecretpassword', LENGTH)],
    ['URL-encoded runs', build('', '%26SecurityToken%3D%22%2F', LENGTH)],
    ['URL-like runs', build('', 'http://u:p:q', LENGTH)],
    ['space runs after names', build('', `secret${' '.repeat(200)}`, LENGTH)],
    ['flag runs', build('', '--access-key-secret-------', LENGTH)],
    ['CAIS runs', build('', 'CAIS/', LENGTH)],
  ])('%s', (_name, hostile) => {
    expectLinear(hostile);
  });

  it('clips what it is given to a named cap, and says so', () => {
    const huge = `secret=${'x'.repeat(MAX_REDACTED_TEXT * 3)}`;
    const out = redactText(huge);
    expect(out.length).toBeLessThan(MAX_REDACTED_TEXT + 100);
    expect(out).toMatch(/more characters cut\]$/);
    expect(out).toContain(REDACTED);
  });

  it('redacts values deep in hostile objects without hanging', () => {
    let nested: unknown = { secret: 'wJalrXUtnFEMIK7MDENG' };
    for (let i = 0; i < 200; i += 1) nested = { inner: nested, text: '\\'.repeat(50) };
    expect(JSON.stringify(redactValue(nested))).not.toContain('wJalrXUtnFEMIK7MDENG');
  });
});
