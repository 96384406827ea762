// The bench's page in Chromium (group 4 and 5): the built renderer with its bridge answered by a
// core, in-page probes (performance.now(), requestAnimationFrame, a longtask observer, marks for
// traces), and the two things done to it: wait for every row, scroll through them.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Core } from '../electron/core/service';
import { installBridge } from '../test/support/bridge-harness';

export const outDir = path.resolve('out');
const ROW = '[data-testid="cluster-table"] [role="row"][data-cluster-id]';

/** In-page probes, installed before the app's scripts run. */
const PROBES = `(() => {
  const bench = { delivered: null, rowSeen: null, firstRowPainted: null, keystrokes: [], longtasks: [], lastKeydown: null };
  Object.defineProperty(window, '__bench', { value: bench });
  // When the snapshot's first answer reaches the page (the bridge's invoke resolves): the whole
  // fleet.snapshot, or the first fleet.snapshotPage (the window renders it before the rest).
  const wrap = (invoke) => async (channel, payload) => {
    const answer = await invoke(channel, payload);
    const name = String(channel);
    performance.mark('bench:answer:' + name.split(':').pop());
    if ((name.endsWith('fleet.snapshot') || name.endsWith('fleet.snapshotPage')) && bench.delivered === null) {
      bench.delivered = performance.now();
      performance.mark('bench:delivered');
    }
    return answer;
  };
  let current = window.__guardIpcInvoke ? wrap(window.__guardIpcInvoke) : undefined;
  Object.defineProperty(window, '__guardIpcInvoke', {
    configurable: true,
    get: () => current,
    set: (fn) => { current = wrap(fn); },
  });
  // After the frame that shows it: rAF runs before the paint, a posted message after it.
  const afterPaint = (done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(0);
  });
  const observer = new MutationObserver(() => {
    if (bench.rowSeen === null && document.querySelector('${ROW}')) {
      bench.rowSeen = performance.now();
      performance.mark('bench:rowSeen');
      observer.disconnect();
      afterPaint((t) => { bench.firstRowPainted = t; performance.mark('bench:painted'); });
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('keydown', (e) => { bench.lastKeydown = e.timeStamp; }, true);
  document.addEventListener('input', (e) => {
    if (!(e.target instanceof HTMLElement) || e.target.dataset.testid !== 'fleet-search') return;
    const from = bench.lastKeydown ?? e.timeStamp;
    afterPaint((t) => bench.keystrokes.push(t - from));
  }, true);
})();`;

export interface Probes {
  delivered: number | null;
  rowSeen: number | null;
  firstRowPainted: number | null;
  keystrokes: number[];
  longtasks: { start: number; duration: number }[];
}

export const probes = (page: Page) =>
  page.evaluate(() => (window as unknown as { __bench: Probes }).__bench);

/** Chromium's timeline (style, layout, paint, tasks, the probes' marks) while the page loads. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
].join(',');

export async function openDashboard(browser: Browser, core: Core, origin: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await installBridge(page, core, { outDir, origin });
  await page.addInitScript(PROBES);
  // BENCH_PROFILE=dir: a CPU profile of the page from navigation to first rows; BENCH_TRACE=dir:
  // a Chromium trace of the same (open it in the DevTools Performance panel).
  const profileDir = process.env.BENCH_PROFILE;
  const traceDir = process.env.BENCH_TRACE;
  const cdp = profileDir || traceDir ? await context.newCDPSession(page) : null;
  const traceEvents: unknown[] = [];
  if (cdp && profileDir) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  if (cdp && traceDir) {
    cdp.on('Tracing.dataCollected', (e) => traceEvents.push(...e.value));
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: TRACE_CATEGORIES.split(',') },
      transferMode: 'ReportEvents',
    });
  }
  await page.goto(`${origin}/`);
  await page.waitForFunction(
    () => (window as unknown as { __bench: Probes }).__bench.firstRowPainted !== null,
    undefined,
    { timeout: 60_000 },
  );
  if (cdp && profileDir) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(
      path.join(profileDir, `renderer-load-${Date.now()}.cpuprofile`),
      JSON.stringify(profile),
    );
  }
  if (cdp && traceDir) {
    const done = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await done;
    mkdirSync(traceDir, { recursive: true });
    writeFileSync(
      path.join(traceDir, `renderer-load-${Date.now()}.json`),
      JSON.stringify({ traceEvents }),
    );
  }
  await cdp?.detach();
  return { context, page };
}

/** The time (page clock) when the table holds every row of the snapshot (its spacer's height). */
export async function untilAllRows(page: Page, rows: number): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => {
      const spacer = document.querySelector<HTMLElement>('[data-testid="cluster-table"] .spacer');
      const row = document.querySelector<HTMLElement>('[data-testid="cluster-table"] .rows .row');
      if (!spacer || !row) return false;
      return parseFloat(spacer.style.height) >= n * row.offsetHeight ? performance.now() : false;
    },
    rows,
    { timeout: 60_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

export interface ScrollRun {
  start: number;
  end: number;
  frames: number[];
  lastRowIndex: number;
  longtasks: number;
}

/** From the top to the bottom, one viewport per frame; the frames' lengths. */
export function scrollAll(page: Page): Promise<Omit<ScrollRun, 'longtasks'>> {
  return page.evaluate(async (row) => {
    const viewport = document.querySelector<HTMLElement>(
      '[data-testid="cluster-table"] .viewport',
    )!;
    viewport.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => setTimeout(r, 100));
    const start = performance.now();
    const frames: number[] = [];
    await new Promise<void>((resolve) => {
      let last = performance.now();
      const step = () => {
        const now = performance.now();
        frames.push(now - last);
        last = now;
        if (viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 1) {
          resolve();
          return;
        }
        viewport.scrollTop += viewport.clientHeight;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    await new Promise((r) => requestAnimationFrame(r));
    const rows = [...document.querySelectorAll<HTMLElement>(row)];
    return {
      start,
      end: performance.now(),
      frames,
      lastRowIndex: Number(rows.at(-1)?.getAttribute('aria-rowindex') ?? 0),
    };
  }, ROW);
}
