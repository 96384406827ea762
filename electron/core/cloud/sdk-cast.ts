// @darabonba/typescript 1.0.5's cast() (dist/core.js), for the fields we read of answers whose
// SDK response models we no longer load (cs-wire.ts, rpc-wire.ts): a 'string' field takes numbers
// and booleans as text, a 'number' field takes a string of digits, absent and null are absent,
// any other type fails with cast()'s own message, so an answer fails here where and as it failed
// in the SDK.

export const mismatch = (key: string, expected: string, value: unknown) =>
  new Error(`type of ${key} is mismatch, expect ${expected}, but ${typeof value}`);

export function castString(key: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return value.toString();
  throw mismatch(key, 'string', value);
}

export function castNumber(key: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    // cast() exactly: "" matches the first pattern and becomes NaN, which callers reject.
    if (/^\d*$/.test(value)) return parseInt(value, 10);
    if (/^[.\d]*$/.test(value)) return parseFloat(value);
  }
  throw mismatch(key, 'number', value);
}
