// Time as the poller sees it. Real time in the app; a scaled clock for the simulated cloud (the
// demo account, tests, the benchmark), where a 10-minute change takes seconds. Records (journal,
// audit) always carry real time; only waiting and "how long has it been" are scaled.
import { sleep } from './sleep';

export interface Clock {
  /** Simulated milliseconds per real millisecond (1 for the real cloud). */
  scale: number;
  sleep(ms: number): Promise<void>;
  /** The cloud's idea of now (its timestamps, e.g. task times, are in this base). */
  cloudNow(): number;
}

export const realClock: Clock = { scale: 1, sleep, cloudNow: () => Date.now() };

/** A clock for a simulated cloud running `scale` times faster, whose now is `cloudNow`. */
export function scaledClock(scale: number, cloudNow: () => number): Clock {
  return { scale, sleep: (ms) => sleep(ms / scale), cloudNow };
}

/** A moment as "HH:MM (UTC+08:00)" in this machine's time zone, for "wait until" sentences. */
export function wallClockTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${two(d.getHours())}:${two(d.getMinutes())} (UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)})`;
}
