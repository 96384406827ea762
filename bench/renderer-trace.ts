// Chromium traces of the bench's page (group 4): BENCH_TRACE=dir writes them for DevTools'
// Performance panel; the A/B reads the main thread's CPU time from a light one.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';

/** Chromium's timeline (style, layout, paint, tasks, the probes' marks) while the page loads. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
].join(',');

/** Enough for the tasks' CPU times and the probes' marks. */
const LIGHT_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];

/**
 * A Chromium trace of the page until `end(name)`, which answers its events and, given a name,
 * writes them to BENCH_TRACE/<name>-<time>.json. `light`: no JS sampling (the CPU profiler's
 * start alone costs the page's first script hundreds of ms).
 */
export async function startTrace(cdp: CDPSession, light = false) {
  const traceEvents: unknown[] = [];
  cdp.on('Tracing.dataCollected', (e) => traceEvents.push(...e.value));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: light ? LIGHT_CATEGORIES : TRACE_CATEGORIES.split(',') },
    transferMode: 'ReportEvents',
  });
  return {
    async end(name: string | null): Promise<unknown[]> {
      const done = new Promise<void>((resolve) =>
        cdp.once('Tracing.tracingComplete', () => resolve()),
      );
      await cdp.send('Tracing.end');
      await done;
      const dir = process.env.BENCH_TRACE;
      if (name && dir) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(
          path.join(dir, `${name}-${Date.now()}.json`),
          JSON.stringify({ traceEvents }),
        );
      }
      return traceEvents;
    },
  };
}

/** BENCH_TRACE=dir: `work` traced (e.g. the filter keystrokes), else just run. */
export async function traced<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  if (!process.env.BENCH_TRACE) return work();
  const cdp = await page.context().newCDPSession(page);
  const trace = await startTrace(cdp);
  try {
    return await work();
  } finally {
    await trace.end(name);
    await cdp.detach();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/**
 * The CPU time (ms) of the renderer's main thread from the first page delivered (bench:delivered)
 * to the probe's mark after the paint (bench:painted): the tasks' thread times, which the other
 * processes on a loaded machine do not stretch as they do wall times. The task that delivers
 * the page also decodes it (the bench's bridge): only its part after the mark counts, estimated
 * as its share of the task's wall time.
 */
export function mainThreadCpu(raw: unknown[]): number | null {
  const events = raw as TraceEvent[];
  const from = events.find((e) => e.name === 'bench:delivered');
  const to = events.find((e) => e.name === 'bench:painted');
  if (!from || !to) return null;
  const tasks = events.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === from.pid && e.tid === from.tid,
  );
  let cpu = 0;
  for (const t of tasks) {
    const dur = t.dur ?? 0;
    const thread = t.tdur ?? 0;
    if (t.ts >= from.ts && t.ts <= to.ts) cpu += thread;
    else if (t.ts < from.ts && t.ts + dur > from.ts && dur > 0)
      cpu += (thread * (t.ts + dur - from.ts)) / dur;
  }
  return cpu / 1000;
}
