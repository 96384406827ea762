// The serving meter behind GET /__sim/stats: what it counts and over which window, on a fake
// clock (the HTTP route itself: test/integration/simulator/control.test.ts).
import { describe, expect, it } from 'vitest';
import { ServingMeter, type MeterClock } from '../../../simulator/src/serving-stats';

function fakeClock() {
  const c = { ms: 0, cpuUs: 0 };
  const clock: MeterClock = { now: () => c.ms, cpu: () => ({ user: c.cpuUs, system: c.cpuUs }) };
  return { c, clock };
}

describe('ServingMeter', () => {
  it('refuses to read before a start', () => {
    expect(() => new ServingMeter().read()).toThrow(/not started/);
  });

  it('CPU per request over the window; serving time is the union of requests in flight', () => {
    const { c, clock } = fakeClock();
    const meter = new ServingMeter(clock);
    const early = meter.begin(); // before the start: in flight, not timed, counted when it ends
    c.ms = 100;
    c.cpuUs = 5_000;
    meter.start();
    meter.end(early);
    c.ms = 200;
    const first = meter.begin();
    c.ms = 250;
    const second = meter.begin(); // overlaps the first
    c.ms = 300;
    meter.end(second);
    c.ms = 400;
    meter.end(first);
    c.ms = 1_100;
    c.cpuUs = 8_000; // 3 ms user + 3 ms system since the start
    const s = meter.read();
    expect(s.requests).toBe(3);
    expect(s.windowMs).toBe(1_000);
    // 100 -> 100 (the one begun before the start, ended at once) + 200 -> 400
    expect(s.servingMs).toBe(200);
    expect(s.cpuMs).toBe(6);
    expect(s.cpuPerRequestMs).toBe(2);
    expect(s.peakInFlight).toBe(2);
    expect(s.loopDelayMs).toBeNull();
    // the two begun in the window: 50 ms and 200 ms
    expect(s.requestMs!.p50).toBeCloseTo(50, 1);
    expect(s.requestMs!.max).toBeCloseTo(200, 1);
  });

  it('a new start drops the earlier window', () => {
    const { c, clock } = fakeClock();
    const meter = new ServingMeter(clock);
    meter.start();
    const at = meter.begin();
    c.ms = 10;
    meter.tick();
    meter.end(at);
    c.ms = 50;
    meter.start();
    expect(meter.read()).toMatchObject({
      requests: 0,
      servingMs: 0,
      cpuPerRequestMs: null,
      loopDelayMs: null,
      requestMs: null,
      peakInFlight: 0,
    });
  });

  it('loop delay: the time between ticks while serving, as percentiles', () => {
    const { c, clock } = fakeClock();
    const meter = new ServingMeter(clock);
    meter.start();
    meter.begin();
    for (let i = 1; i <= 99; i++) {
      c.ms += 5;
      meter.tick();
    }
    c.ms += 40; // one late tick
    meter.tick();
    meter.end();
    const d = meter.read().loopDelayMs!;
    expect(d.samples).toBe(100);
    expect(d.p50).toBeCloseTo(5, 1);
    expect(d.max).toBeCloseTo(40, 1);
  });
});
