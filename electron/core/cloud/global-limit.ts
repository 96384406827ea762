// The global in-flight limit while accounts are being refreshed. Outside a refresh the limit is
// the configured one (settings `concurrency`). During one it is
//   min(configured, per-account limit x (accounts refreshing + 1), what the event loop keeps up with)
// - per-account x accounts: a refresh never has more than that waiting, so the global limit
//   must not bind below it (it made a 20-account refresh wait on itself: bench group 1); the
//   "+ 1" leaves one account's worth for other work (a checklist, a poll) meanwhile;
// - the event loop: the app's CPU per call is the critical path (bench: ~2.3 ms per call), so
//   past about call-time / CPU-per-call calls in flight, more only queue in our own loop, late
//   timers and late answers for the window. The worst event-loop delay since the last look
//   drives an AdaptiveLimit: late (> LATE_MS) shrinks it, quiet (<= QUIET_MS) grows it.
// The loop is looked at when a call ends (at most every SAMPLE_EVERY_MS): no timer runs, and
// nothing at all outside a refresh.
// The configured cap (800 by default) is per-account x 100 accounts: an interleaved A/B at 100
// accounts (fixed simulated cloud, 3 runs, 15 rounds) found 800 faster than 256 in 13 rounds,
// all 11 of the last two runs (wall median 2.6 vs 3.8 s at load ~1, 4.5 vs 5.9 s at load ~5);
// at 20 accounts the same (the cap does not bind there). The AIMD governor stays: without it,
// or with the fleet floor (per-account x accounts unless the loop is 250 ms late), 800 was no
// faster and its event-loop p99 higher (~225 vs ~140 ms at load ~1).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { AdaptiveLimit } from '../util/adaptive-limit';
import type { Limiter } from '../util/limiter';

/** The worst event-loop delay (ms) since the last read. */
export interface LoopDelaySampler {
  start(): void;
  stop(): void;
  read(): number;
}

export const LATE_MS = 50;
export const QUIET_MS = 20;
export const SAMPLE_EVERY_MS = 100;
/**
 * The adaptive limit's floor (unless the ceiling is lower): a call takes ~150 ms, so 32 in
 * flight still serve ~200 calls/s, more than the app's CPU serves per second under load; a
 * machine busy with other work (also "late") must not shrink a refresh to a crawl.
 */
export const MIN_FLOOR = 32;

/** Node's own histogram of event-loop delay (perf_hooks), read and reset per sample. */
export function eventLoopDelaySampler(): LoopDelaySampler {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  return {
    start: () => {
      histogram.reset();
      histogram.enable();
    },
    stop: () => histogram.disable(),
    read: () => {
      // max is in ns; an empty histogram (no sample yet) reports 0.
      const worst = histogram.count > 0 ? histogram.max / 1e6 : 0;
      histogram.reset();
      return worst;
    },
  };
}

export interface GovernorOptions {
  sampler?: LoopDelaySampler;
  now?: () => number;
}

export class GlobalLimitGovernor {
  private refreshing = 0;
  private lastSample = 0;
  private readonly adaptive: AdaptiveLimit;
  private readonly sampler: LoopDelaySampler;
  private readonly now: () => number;

  constructor(
    private readonly limiter: Limiter,
    private configured: number,
    private perAccount: number,
    options: GovernorOptions = {},
  ) {
    this.sampler = options.sampler ?? eventLoopDelaySampler();
    this.now = options.now ?? (() => performance.now());
    const { floor, ceiling } = this.bounds();
    this.adaptive = new AdaptiveLimit({
      floor,
      ceiling,
      lateMs: LATE_MS,
      quietMs: QUIET_MS,
      step: perAccount,
      backoff: 0.75,
    });
  }

  /** How many accounts are being refreshed now. */
  get accounts(): number {
    return this.refreshing;
  }

  private bounds(): { floor: number; ceiling: number } {
    const ceiling = Math.max(1, Math.min(this.configured, this.perAccount * (this.refreshing + 1)));
    return { floor: Math.min(ceiling, Math.max(this.perAccount, MIN_FLOOR)), ceiling };
  }

  private apply(): void {
    if (this.refreshing === 0) {
      this.limiter.setLimit(this.configured);
      return;
    }
    const { floor, ceiling } = this.bounds();
    this.adaptive.setBounds(floor, ceiling);
    this.limiter.setLimit(this.adaptive.limit);
  }

  /** The settings changed (settings.update). */
  configure(configured: number, perAccount: number): void {
    this.configured = configured;
    this.perAccount = perAccount;
    this.apply();
  }

  /** One account's refresh begins; call the returned function (once) when it is over. */
  begin(): () => void {
    if (this.refreshing === 0) {
      this.sampler.start();
      this.lastSample = this.now();
    }
    this.refreshing += 1;
    const { floor, ceiling } = this.bounds();
    this.adaptive.setBounds(floor, ceiling);
    // The first account starts from the ceiling (optimistic; a late loop shrinks it); each
    // further one adds its share, while the loop's verdict on the rest stands.
    if (this.refreshing === 1) this.adaptive.reset();
    else this.adaptive.grow(this.perAccount);
    this.apply();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.refreshing -= 1;
      if (this.refreshing === 0) this.sampler.stop();
      this.apply();
    };
  }

  /** A call gave its slot back: a moment to look at the loop (at most every SAMPLE_EVERY_MS). */
  callEnded(): void {
    if (this.refreshing === 0) return;
    const t = this.now();
    if (t - this.lastSample < SAMPLE_EVERY_MS) return;
    this.lastSample = t;
    this.adaptive.observe(this.sampler.read());
    this.apply();
  }
}
