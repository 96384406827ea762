// The simulated cloud's time formats (simulator/src/clock.ts): the documented shapes, and the same
// answer from the memo as from a fresh format, past its size too.
import { describe, expect, it } from 'vitest';
import { isoCs, isoUtc } from '../../../simulator/src/clock';

describe('isoUtc and isoCs', () => {
  it('print seconds without milliseconds, UTC with Z and China time with +08:00', () => {
    const ms = Date.parse('2025-01-01T00:00:00.789Z');
    expect(isoUtc(ms)).toBe('2025-01-01T00:00:00Z');
    expect(isoCs(ms)).toBe('2025-01-01T08:00:00+08:00');
    expect(isoCs(Date.parse('2025-12-31T18:30:05Z'))).toBe('2026-01-01T02:30:05+08:00');
  });

  it('answer each time as it is, however many times were formatted before', () => {
    const start = Date.parse('2020-02-29T23:59:59Z');
    for (let i = 0; i < 120_000; i += 1) {
      const ms = start + i * 1_001;
      if (i % 9_973 !== 0) {
        isoUtc(ms);
        continue;
      }
      const fresh = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
      expect(isoUtc(ms)).toBe(fresh);
      expect(isoUtc(ms)).toBe(fresh);
    }
    expect(isoUtc(start)).toBe('2020-02-29T23:59:59Z');
  });
});
