// A counting semaphore: at most `limit` tasks run at once, the rest wait in arrival order.
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private max: number;

  constructor(limit: number) {
    Limiter.check(limit);
    this.max = limit;
  }

  private static check(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`limit must be ≥ 1, got ${limit}`);
  }

  get limit(): number {
    return this.max;
  }

  /** Changes the limit while in use: a higher one lets waiters in at once; a lower one drains. */
  setLimit(limit: number): void {
    Limiter.check(limit);
    this.max = limit;
    while (this.active < this.max && this.waiting.length > 0) {
      this.active += 1;
      this.waiting.shift()!();
    }
  }

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter (unless the limit was lowered meanwhile).
      const next = this.active <= this.max ? this.waiting.shift() : undefined;
      if (next) next();
      else this.active -= 1;
    }
  }
}
