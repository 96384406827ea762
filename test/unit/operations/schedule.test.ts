import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPECTED_MS,
  expectedDuration,
  nextPollDelay,
  retryDelay,
} from '../../../electron/core/operations/schedule';

/** Polls a change that ends at `endMs` after the request; returns the calls and detection delay. */
function simulate(endMs: number, expectedMs = DEFAULT_EXPECTED_MS, seed = 1) {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  let t = 0;
  let polls = 0;
  for (;;) {
    t += nextPollDelay(t, polls, { expectedMs, random });
    polls += 1;
    if (t >= endMs) return { polls, detectionMs: t - endMs, callsPer15s: polls / (endMs / 15_000) };
  }
}

describe('poll schedule', () => {
  it('a 10-minute change: seen within 10 s of its end, at most one call per 15 s on average', () => {
    const runs = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) =>
      simulate(600_000, DEFAULT_EXPECTED_MS, seed),
    );
    for (const run of runs) {
      expect(run.detectionMs).toBeLessThanOrEqual(10_000);
      expect(run.callsPer15s).toBeLessThanOrEqual(1);
    }
    // The figure for the issue note.
    console.info(
      `10-minute change: ${runs.map((r) => r.polls).join('/')} DescribeClusterDetail calls, detection ${Math.max(...runs.map((r) => r.detectionMs))} ms at worst`,
    );
  });

  it('a quick change (under a minute) is seen quickly too', () => {
    for (const end of [4_000, 15_000, 40_000])
      expect(simulate(end).detectionMs).toBeLessThanOrEqual(8_000);
  });

  it('a change slower than expected costs ever fewer calls, capped at one a minute', () => {
    const delays = [20 * 60_000, 40 * 60_000, 59 * 60_000].map((t) =>
      nextPollDelay(t, 100, { expectedMs: DEFAULT_EXPECTED_MS, random: () => 0.5 }),
    );
    expect(delays[0]).toBeLessThanOrEqual(delays[1]!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(60_000 * 1.15);
  });

  it('learns the usual duration from the journal, within bounds', () => {
    expect(expectedDuration([])).toBe(DEFAULT_EXPECTED_MS);
    expect(expectedDuration([120_000, 180_000, 150_000])).toBe(150_000);
    expect(expectedDuration([1_000])).toBe(60_000);
    expect(expectedDuration([5 * 3_600_000])).toBe(30 * 60_000);
  });

  it('backs off after failures and honours the cloud asking to wait', () => {
    expect(retryDelay(1)).toBe(5_000);
    expect(retryDelay(3)).toBe(20_000);
    expect(retryDelay(10)).toBe(60_000);
    expect(retryDelay(1, 12_000)).toBe(12_000);
  });
});
