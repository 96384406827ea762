// A simulated cloud's clock as the window and the CLI read it (core/util/clock.ts has the rule
// for shown times): the core reads the clock once (SimulatedClock: at wall time realAt, the
// cloud's time was cloudNow) and a countdown advances it at its scale since.
import type { SimulatedClock } from './types/key-guard';

/** The cloud's now at wall time `now`: the wall clock's when there is no simulated clock. */
export function cloudNowOf(clock: SimulatedClock | null | undefined, now: number): number {
  if (!clock) return now;
  return Date.parse(clock.cloudNow) + (now - Date.parse(clock.realAt)) * clock.scale;
}
