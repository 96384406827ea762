// A limit that follows a lateness signal: additive increase while the signal is quiet,
// multiplicative decrease when it is late (the AIMD rule TCP uses for its window). Pure: the
// caller feeds it samples, so it is tested with made-up samples and no clock.

export interface AdaptiveLimitOptions {
  /** Never below this (whatever the samples say). */
  floor: number;
  /** Never above this. */
  ceiling: number;
  /** A sample above this is late: the limit shrinks. */
  lateMs: number;
  /** A sample at or below this is quiet: the limit grows. Between the two it holds. */
  quietMs: number;
  /** Added per quiet sample. */
  step: number;
  /** Multiplied per late sample (0 < backoff < 1). */
  backoff: number;
}

export class AdaptiveLimit {
  private value: number;

  constructor(private options: AdaptiveLimitOptions) {
    AdaptiveLimit.check(options);
    this.value = options.ceiling;
  }

  private static check(o: AdaptiveLimitOptions): void {
    if (!Number.isInteger(o.floor) || o.floor < 1 || !Number.isInteger(o.ceiling))
      throw new RangeError(
        `floor and ceiling must be whole numbers >= 1, got ${o.floor}/${o.ceiling}`,
      );
    if (o.ceiling < o.floor)
      throw new RangeError(`ceiling ${o.ceiling} is below the floor ${o.floor}`);
    if (!(o.backoff > 0 && o.backoff < 1)) throw new RangeError(`backoff must be in (0, 1)`);
    if (!(o.quietMs <= o.lateMs)) throw new RangeError(`quietMs must be <= lateMs`);
  }

  get limit(): number {
    return this.value;
  }

  /** New bounds (the work grew or shrank); the limit is clamped into them, not reset. */
  setBounds(floor: number, ceiling: number): void {
    const next = { ...this.options, floor, ceiling };
    AdaptiveLimit.check(next);
    this.options = next;
    this.value = Math.min(ceiling, Math.max(floor, this.value));
  }

  /** Starts again from the ceiling (a new burst of work: optimistic, backs off if late). */
  reset(): void {
    this.value = this.options.ceiling;
  }

  /** Adds to the limit (more work arrived), up to the ceiling. */
  grow(by: number): void {
    this.value = Math.min(this.options.ceiling, this.value + by);
  }

  /** One lateness sample (ms); returns the limit it leads to. */
  observe(sampleMs: number): number {
    const o = this.options;
    if (sampleMs > o.lateMs) this.value = Math.max(o.floor, Math.floor(this.value * o.backoff));
    else if (sampleMs <= o.quietMs) this.value = Math.min(o.ceiling, this.value + o.step);
    return this.value;
  }
}
