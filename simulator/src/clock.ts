// The world's simulated clock. Everything time-dependent in the world (encryption changes,
// the 5-minute cool-down, STS expiry, ActionTrail delivery delay) reads this clock, never
// Date.now(), so a test can run a "10-minute" change in a second (timeScale) or jump ahead
// (advance) without waiting. Signature timestamps are the exception: clients sign with their
// real wall clock, so the gateway freshness check uses real time (see auth/authenticate.ts).

export interface ClockState {
  /** Simulated epoch ms at the moment of the last rebase. */
  simAtRebase: number;
  /** Real epoch ms at the moment of the last rebase. */
  realAtRebase: number;
  timeScale: number;
}

export class SimClock {
  private state: ClockState;

  constructor(
    start: number = Date.now(),
    timeScale = 1,
    private readonly realNow: () => number = Date.now,
  ) {
    if (!(timeScale > 0)) throw new Error(`timeScale must be > 0, got ${timeScale}`);
    this.state = { simAtRebase: start, realAtRebase: this.realNow(), timeScale };
  }

  now(): number {
    const { simAtRebase, realAtRebase, timeScale } = this.state;
    return Math.floor(simAtRebase + (this.realNow() - realAtRebase) * timeScale);
  }

  get timeScale(): number {
    return this.state.timeScale;
  }

  /** Change speed without a jump: rebase so that now() is continuous. */
  setTimeScale(timeScale: number): void {
    if (!(timeScale > 0)) throw new Error(`timeScale must be > 0, got ${timeScale}`);
    this.state = { simAtRebase: this.now(), realAtRebase: this.realNow(), timeScale };
  }

  /** Jump forward. Time never goes backwards: the world's schedule relies on it. */
  advance(ms: number): number {
    if (!(ms >= 0)) throw new Error(`advance needs a non-negative duration, got ${ms}`);
    this.state = { ...this.state, simAtRebase: this.now() + ms, realAtRebase: this.realNow() };
    return this.now();
  }

  /** Real milliseconds that `simMs` of simulated time takes at the current scale. */
  realMsFor(simMs: number): number {
    return simMs / this.state.timeScale;
  }
}

/**
 * The same times are formatted again on every listing (a cluster's created/updated, a key's
 * creation date), and formatting was a visible part of the simulated cloud's CPU while serving
 * a fleet refresh. A memo keyed by the time itself cannot go stale; it is emptied when full
 * (more than a 100-account world's times).
 */
function memoised(format: (ms: number) => string): (ms: number) => string {
  const seen = new Map<number, string>();
  return (ms) => {
    let text = seen.get(ms);
    if (text === undefined) {
      if (seen.size >= 100_000) seen.clear();
      text = format(ms);
      seen.set(ms, text);
    }
    return text;
  };
}

/** toISOString is always YYYY-MM-DDTHH:mm:ss.sssZ here (years 0-9999): 19 characters, then ms. */
const secondsOf = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** ISO-8601 UTC without milliseconds, as KMS/STS/ActionTrail print it: 2025-01-01T00:00:00Z */
export const isoUtc = memoised((ms) => `${secondsOf(ms)}Z`);

/** CS prints local China time with offset, e.g. 2025-01-01T08:00:00+08:00. */
export const isoCs = memoised((ms) => `${secondsOf(ms + 8 * 3600_000)}+08:00`);
