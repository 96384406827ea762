// When to look at a changing cluster next. The cloud gives no task id and no end time, so we poll
// DescribeClusterDetail: often at first (a quick failure, or the switch to `updating`), rarely in
// the long middle, and often again around the time changes usually end, so that the end of a
// typical change is seen within about 10 s while a 10-minute change costs ~1 call per 20 s.

export interface ScheduleOptions {
  /** How long changes usually take (learned from the journal; 10 min until then). */
  expectedMs: number;
  random?: () => number;
}

export const DEFAULT_EXPECTED_MS = 10 * 60_000;
/** Past this, the change is "slower than usual" (and still followed). */
export const SLOW_AFTER_MS = 20 * 60_000;
/** Past this, we stop following and say so (Terraform's update timeout). */
export const DEFAULT_TIME_LIMIT_MS = 60 * 60_000;

const EARLY = [3_000, 5_000, 8_000, 12_000, 15_000, 20_000];
const CRUISE_MS = 30_000;
const NEAR_END_MS = 8_000;
const NEAR_END_CAP_MS = 9_000;
const LATE_MAX_MS = 60_000;

/** Delay before poll number `polls + 1`, `elapsedMs` after the request. */
export function nextPollDelay(elapsedMs: number, polls: number, options: ScheduleOptions): number {
  const random = options.random ?? Math.random;
  const jitter = (ms: number) => Math.round(ms * (0.85 + 0.3 * random()));
  const expected = options.expectedMs;
  const windowStart = expected - 45_000;
  const windowEnd = expected + 120_000;
  let delay: number;
  if (polls < EARLY.length && elapsedMs < 60_000) delay = EARLY[polls]!;
  else if (elapsedMs < windowStart) delay = Math.min(CRUISE_MS, windowStart - elapsedMs + 1_000);
  else if (elapsedMs <= windowEnd) delay = NEAR_END_MS;
  else delay = Math.min(LATE_MAX_MS, 15_000 * 2 ** Math.floor((elapsedMs - windowEnd) / 300_000));
  // Never jitter the near-end polls past 9 s: detection within 10 s is the promise, and the
  // poll's own answer (latency, queueing behind other calls of the account) needs the rest.
  return delay === NEAR_END_MS ? Math.min(jitter(delay), NEAR_END_CAP_MS) : jitter(delay);
}

/** The median of past durations, or the default; bounded so one odd change cannot skew it. */
export function expectedDuration(pastDurationsMs: number[]): number {
  const sorted = pastDurationsMs.filter((d) => d > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return DEFAULT_EXPECTED_MS;
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return Math.min(Math.max(median, 60_000), 30 * 60_000);
}

/** Waiting after a failed poll: longer each time, capped; throttling slows us, never stops us. */
export function retryDelay(failures: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.max(retryAfterMs, 2_000);
  return Math.min(60_000, 5_000 * 2 ** Math.min(failures - 1, 4));
}
