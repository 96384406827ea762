// Time as the poller sees it. Real time in the app; a scaled clock for the simulated cloud (the
// demo account, tests, the benchmark), where a 10-minute change takes seconds. Records (journal,
// audit) always carry real time; only waiting and "how long has it been" are scaled.
//
// Shown times, the one rule: a moment the user waits for ("wait until" a cooldown ends) is
// converted to wall time (now + the simulated wait / scale, then wallClockTime). A time the
// simulated cloud wrote (a key's deletion date, a KMS instance's end, an ActionTrail event time,
// a cluster's creation) is shown as the cloud wrote it, marked "simulated time" ("模拟时间"), and a
// countdown to it runs on the cloud's clock: a finding carries that clock (KeyFinding
// simulatedClock, keys/guard.ts); the window's lib/cloud-time.ts words it (the key guard banner,
// the cluster details). Converting those to wall time instead would shrink the demo's 7-day
// deletion window to hours and put fixture events minutes ago: the story would stop making sense.
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
