// The bench's page in Chromium (group 4 and 5): the built renderer with its bridge answered by a
// core, in-page probes (performance.now(), requestAnimationFrame, a longtask observer, marks for
// traces), and the two things done to it: wait for every row, scroll through them.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Core } from '../electron/core/service';
import { installBridge } from '../test/support/bridge-harness';
import { mainThreadCpu, startTrace } from './renderer-trace';

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
      afterPaint((t) => {
        bench.firstRowPainted = t;
        performance.mark('bench:painted');
        if (typeof window.__benchPainted === 'function') window.__benchPainted();
      });
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

export async function openDashboard(
  browser: Browser,
  core: Core,
  origin: string,
  options: { cpu?: boolean } = {},
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // The page says when its first rows are painted through a binding, like the bridge's calls:
  // page.waitForFunction would inject Playwright's selector script (~20 ms of CPU, measured in
  // the traces) into the page while it draws those rows, and delay the probe's paint message.
  let painted: () => void = () => undefined;
  const paintedNow = new Promise<void>((resolve) => (painted = resolve));
  await page.exposeBinding('__benchPainted', () => painted());
  await installBridge(page, core, { outDir, origin });
  await page.addInitScript(PROBES);
  // BENCH_PROFILE=dir: a CPU profile of the page from navigation to first rows; BENCH_TRACE=dir:
  // a Chromium trace of the same (open it in the DevTools Performance panel).
  const profileDir = process.env.BENCH_PROFILE;
  const traceDir = process.env.BENCH_TRACE;
  // options.cpu: the main thread's CPU time from the first page delivered to first rows painted,
  // from a light trace (wall times on a loaded machine mostly measure the other processes).
  const cdp = profileDir || traceDir || options.cpu ? await context.newCDPSession(page) : null;
  if (cdp && profileDir) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const trace = cdp && (traceDir || options.cpu) ? await startTrace(cdp, !traceDir) : null;
  await page.goto(`${origin}/`);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    paintedNow,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('no rows painted within 60 s')), 60_000);
    }),
  ]).finally(() => clearTimeout(timer));
  if (cdp && profileDir) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(
      path.join(profileDir, `renderer-load-${Date.now()}.cpuprofile`),
      JSON.stringify(profile),
    );
  }
  const events = trace ? await trace.end(traceDir ? 'renderer-load' : null) : [];
  await cdp?.detach();
  return { context, page, cpu: options.cpu ? mainThreadCpu(events) : null };
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

/**
 * The filter's rounds: each types its text and erases it again, one key at a time (the probes
 * time each keydown -> next paint). Two texts with no first letters in common, so no round types
 * a query an earlier round typed (the window keeps the answers of queries typed before: a
 * backspace is one, a second round of the same text would be all of them).
 */
export const FILTER_ROUNDS = ['fleet-01 cn-sh', 'cn-sh fleet-01'];

export async function typeFilterRound(page: Page, text: string): Promise<void> {
  await page.getByTestId('fleet-search').click();
  await page.keyboard.type(text, { delay: 120 });
  for (let i = 0; i < text.length; i++) await page.keyboard.press('Backspace', { delay: 40 });
}
