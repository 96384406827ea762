// What serving costs the simulated cloud's own process, so the bench can show the simulator is
// not what makes a refresh slow (it shares the machine's cores with the app): cloud requests
// answered, the process's CPU per request, and its event-loop delay while requests are in flight.
// Started and read over the control API (POST /__sim/stats/start, GET /__sim/stats).
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

export interface ServingStats {
  /** Cloud requests answered since the start (the control API's own are not counted). */
  requests: number;
  /** Since the start (ms). */
  windowMs: number;
  /** Of the window, the time with at least one cloud request in flight (ms). */
  servingMs: number;
  /** This process's CPU (user + system) over the window (ms): all of it, GC and JIT included. */
  cpuMs: number;
  /** cpuMs / requests; null before the first request. */
  cpuPerRequestMs: number | null;
  /**
   * Event-loop delay while serving (ms), in Node's convention (monitorEventLoopDelay): the time
   * between ticks of a RESOLUTION_MS timer, so an idle loop reads about RESOLUTION_MS. Null
   * before the first tick.
   */
  loopDelayMs: { p50: number; p99: number; max: number; samples: number } | null;
  /**
   * How long a request begun in the window took here, arrival to answer (ms), injected latency
   * included: what the simulator adds to a call's time, beside what the client sees. Null before
   * the first.
   */
  requestMs: { p50: number; p99: number; max: number } | null;
  /** Most cloud requests in flight at once. */
  peakInFlight: number;
}

/** The same resolution as the bench's figure for the app's own loop (bench/fleet.ts). */
export const RESOLUTION_MS = 5;

export interface MeterClock {
  now(): number;
  /** Process CPU (µs), as process.cpuUsage(). */
  cpu(): { user: number; system: number };
}

const realClock: MeterClock = { now: () => performance.now(), cpu: () => process.cpuUsage() };

export class ServingMeter {
  private startedAt: number | null = null;
  private cpu0 = { user: 0, system: 0 };
  private requests = 0;
  private inFlight = 0;
  private peak = 0;
  private servingSince = 0;
  private servedMs = 0;
  private histogram: RecordableHistogram = createHistogram();
  private durations: RecordableHistogram = createHistogram();
  // Node's own monitorEventLoopDelay cannot be paused: re-enabled, it records the idle gap as one
  // huge delay. So a plain timer runs only while requests are in flight (idle time is not
  // serving, and would only dilute the percentiles).
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastTick = 0;

  constructor(private readonly clock: MeterClock = realClock) {}

  get started(): boolean {
    return this.startedAt !== null;
  }

  /** A new window from now (counts, CPU and delays since any earlier start are dropped). */
  start(): void {
    this.startedAt = this.clock.now();
    this.cpu0 = this.clock.cpu();
    this.requests = 0;
    this.peak = this.inFlight;
    this.servedMs = 0;
    this.servingSince = this.startedAt;
    this.histogram = createHistogram();
    this.durations = createHistogram();
    this.stopTimer();
    if (this.inFlight > 0) this.startTimer();
  }

  /**
   * A cloud request arrived: counted in flight whether or not the meter is started. Returns its
   * arrival, for end().
   */
  begin(): number {
    const at = this.clock.now();
    this.inFlight += 1;
    if (!this.started) return at;
    this.peak = Math.max(this.peak, this.inFlight);
    if (this.inFlight === 1) {
      this.servingSince = at;
      this.startTimer();
    }
    return at;
  }

  /** A cloud request was answered (or its socket closed); `begunAt` is what begin() returned. */
  end(begunAt?: number): void {
    const now = this.clock.now();
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.startedAt === null) return;
    this.requests += 1;
    if (begunAt !== undefined && begunAt >= this.startedAt)
      this.durations.record(Math.max(1, Math.round((now - begunAt) * 1e6)));
    if (this.inFlight === 0) {
      this.servedMs += now - this.servingSince;
      this.stopTimer();
    }
  }

  /** The window so far; throws when never started. */
  read(): ServingStats {
    if (this.startedAt === null) throw new Error('the serving meter is not started');
    const now = this.clock.now();
    const cpu = this.clock.cpu();
    const cpuMs = (cpu.user - this.cpu0.user + (cpu.system - this.cpu0.system)) / 1000;
    const h = this.histogram;
    const d = this.durations;
    return {
      requests: this.requests,
      windowMs: now - this.startedAt,
      servingMs: this.servedMs + (this.inFlight > 0 ? now - this.servingSince : 0),
      cpuMs,
      cpuPerRequestMs: this.requests > 0 ? cpuMs / this.requests : null,
      loopDelayMs:
        h.count > 0
          ? {
              p50: h.percentile(50) / 1e6,
              p99: h.percentile(99) / 1e6,
              max: h.max / 1e6,
              samples: h.count,
            }
          : null,
      requestMs:
        d.count > 0
          ? { p50: d.percentile(50) / 1e6, p99: d.percentile(99) / 1e6, max: d.max / 1e6 }
          : null,
      peakInFlight: this.peak,
    };
  }

  /** Records one tick's delay (ms since the previous one); exposed for tests. */
  tick(now = this.clock.now()): void {
    // The histogram takes whole nanoseconds >= 1.
    this.histogram.record(Math.max(1, Math.round((now - this.lastTick) * 1e6)));
    this.lastTick = now;
  }

  private startTimer(): void {
    this.lastTick = this.clock.now();
    this.timer = setInterval(() => this.tick(), RESOLUTION_MS);
    // A request that never ends (the `hang` fault) must not keep the process alive.
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
