// 4. Renderer at scale and 5. start-up: the built renderer in Chromium, its bridge answered by
// a real core over the 6,500-cluster fleet (test/support/bridge-harness.ts), timed in the page
// with performance.now(), requestAnimationFrame and a longtask PerformanceObserver.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import type { Core } from '../electron/core/service';
import { installBridge } from '../test/support/bridge-harness';
import { serveRenderer } from '../test/support/static-server';
import { benchCore } from './cores';
import type { FleetWorld } from './fleet';
import { RUNS, median, percentile, spread, spreadNote } from './support';
import type { Results } from './support';

const outDir = path.resolve('out');
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

interface Probes {
  delivered: number | null;
  rowSeen: number | null;
  firstRowPainted: number | null;
  keystrokes: number[];
  longtasks: { start: number; duration: number }[];
}

const probes = (page: Page) =>
  page.evaluate(() => (window as unknown as { __bench: Probes }).__bench);

/** Chromium's timeline (style, layout, paint, tasks, the probes' marks) while the page loads. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
].join(',');

async function openDashboard(browser: Browser, core: Core, origin: string) {
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

export function rendererJsGzipKb(): { raw: number; gzip: number; files: number } {
  const dir = path.join(outDir, 'renderer', 'assets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const body = readFileSync(path.join(dir, f));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw: raw / 1024, gzip: gzip / 1024, files: files.length };
}

/** The time (page clock) when the table holds every row of the snapshot (its spacer's height). */
async function untilAllRows(page: Page, rows: number): Promise<number> {
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

interface ScrollRun {
  start: number;
  end: number;
  frames: number[];
  lastRowIndex: number;
  longtasks: number;
}

/** From the top to the bottom, one viewport per frame; the frames' lengths. */
function scrollAll(page: Page): Promise<Omit<ScrollRun, 'longtasks'>> {
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
 * BENCH_AB_RENDERER=dir (another build's out/renderer, e.g. main's): first rows of that build and
 * of this one, alternating page by page, so both see the same machine load (A/B in one run).
 */
async function compareFirstRows(
  browser: Browser,
  world: FleetWorld,
  results: Results,
  thisUrl: string,
  otherDir: string,
): Promise<void> {
  const other = await serveRenderer(path.resolve(otherDir));
  try {
    const times: Record<'this' | 'other', number[]> = { this: [], other: [] };
    for (let run = 0; run < 2 * Math.max(5, RUNS); run++) {
      const which = run % 2 === 0 ? 'other' : 'this';
      const opened = await openDashboard(
        browser,
        world.main.core,
        which === 'this' ? thisUrl : other.url,
      );
      const p = await probes(opened.page);
      times[which].push(p.firstRowPainted! - p.delivered!);
      await opened.context.close();
    }
    for (const which of ['other', 'this'] as const) {
      const s = spread(times[which]);
      results.report(
        '4 renderer',
        `A/B snapshot delivered -> first rows painted, ${which === 'this' ? 'this build' : otherDir}`,
        s.median,
        'ms',
        `alternating with the other build; ${spreadNote(s)}`,
      );
    }
  } finally {
    await other.close();
  }
}

export async function benchRenderer(
  browser: Browser,
  world: FleetWorld,
  results: Results,
): Promise<void> {
  const group = '4 renderer';
  const size = rendererJsGzipKb();
  results.check(group, 'renderer JS gzipped', size.gzip, 'KB', 200, '< 200 KB', {
    note: `${size.files} file(s), ${Math.round(size.raw)} KB raw`,
  });

  const server = await serveRenderer(path.join(outDir, 'renderer'));
  try {
    const rows = world.snapshot.clusters.length;
    // First rows: a fresh page each run (median of at least 5: one load is short and noisy);
    // the last page stays open, with every row in, for the keystrokes and the scrolling.
    const loads: Probes[] = [];
    let opened: Awaited<ReturnType<typeof openDashboard>> | null = null;
    const loadRuns = Math.max(5, RUNS);
    for (let run = 0; run < loadRuns; run++) {
      await opened?.context.close();
      opened = await openDashboard(browser, world.main.core, server.url);
      loads.push(await probes(opened.page));
    }
    const { context, page } = opened!;
    // The rest of the pages through the bench's bridge (a Playwright binding, whose own
    // serialisation of 5,000 clusters is far slower than Electron's structured clone: group 7).
    const allRowsAt = await untilAllRows(page, rows);
    if (process.env.BENCH_AB_RENDERER)
      await compareFirstRows(browser, world, results, server.url, process.env.BENCH_AB_RENDERER);
    const firstRows = spread(loads.map((l) => l.firstRowPainted! - l.delivered!));
    const toRows = spread(loads.map((l) => l.firstRowPainted!));
    const toData = spread(loads.map((l) => l.delivered!));
    results.check(
      group,
      'snapshot delivered -> first rows painted',
      firstRows.median,
      'ms',
      150,
      '< 150 ms',
      { note: `${rows} clusters; ${spreadNote(firstRows)}` },
    );
    results.report(
      group,
      'navigation -> first rows painted',
      toRows.median,
      'ms',
      `${spreadNote(toRows)}; navigation -> first page delivered ${Math.round(toData.median)} ms (min ${Math.round(toData.min)}, max ${Math.round(toData.max)})`,
    );
    results.report(
      group,
      'navigation -> every row in the table (bench bridge)',
      allRowsAt,
      'ms',
      `${rows} rows; 1 run (the last load); the rest crosses a Playwright binding here, not IPC`,
    );
    results.details['renderer loads'] = { firstRows, toRows, toData, allRowsAt };

    // Filter keystrokes: narrow, then widen again, twice; each measured keydown -> after the
    // next paint.
    const search = page.getByTestId('fleet-search');
    await search.click();
    const text = 'fleet-01 cn-sh';
    for (let round = 0; round < 2; round++) {
      await page.keyboard.type(text, { delay: 120 });
      for (let i = 0; i < text.length; i++) await page.keyboard.press('Backspace', { delay: 40 });
    }
    await page.waitForTimeout(300);
    const typed = (await probes(page)).keystrokes;
    const keyNote = `${typed.length} keystrokes; max ${Math.max(...typed).toFixed(1)} ms`;
    results.check(
      group,
      'filter keystroke -> next paint (median)',
      median(typed),
      'ms',
      16,
      '< 16 ms',
      { note: keyNote },
    );
    results.check(
      group,
      'filter keystroke -> next paint (p90)',
      percentile(typed, 90),
      'ms',
      16,
      '< 16 ms',
      { note: keyNote },
    );

    // Scroll the whole table, one viewport per frame, from the top, RUNS times (at least 5).
    await page.waitForTimeout(200);
    const scrolls: ScrollRun[] = [];
    for (let run = 0; run < Math.max(5, RUNS); run++) {
      const scroll = await scrollAll(page);
      const all = await probes(page);
      scrolls.push({
        ...scroll,
        longtasks: all.longtasks.filter(
          (t) => t.start >= scroll.start && t.start <= scroll.end && t.duration > 50,
        ).length,
      });
    }
    const worst = Math.max(...scrolls.flatMap((s) => s.frames));
    const reached = Math.min(...scrolls.map((s) => s.lastRowIndex - 1));
    results.check(
      group,
      'long tasks > 50 ms while scrolling all rows',
      scrolls.reduce((n, s) => n + s.longtasks, 0),
      '',
      0,
      '0',
      {
        note: `total of ${scrolls.length} runs (${scrolls.map((s) => s.longtasks).join(', ')}); ${scrolls[0]!.frames.length} frames each; worst frame ${worst.toFixed(1)} ms; every run reached row ${reached} of ${rows}`,
      },
    );
    const loadTasks = spread(
      loads.map(
        (l) => l.longtasks.filter((t) => t.start < l.firstRowPainted! && t.duration > 50).length,
      ),
    );
    results.report(
      group,
      'long tasks > 50 ms during load (until first rows painted)',
      loadTasks.median,
      '',
      `${spreadNote(loadTasks, '', 0)}; longest ${Math.max(0, ...loads.flatMap((l) => l.longtasks.map((t) => t.duration))).toFixed(0)} ms`,
    );

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      totalSize: number;
    };
    results.report(
      group,
      'JS heap after load (after GC)',
      heap.usedSize / 2 ** 20,
      'MB',
      `total ${Math.round(heap.totalSize / 2 ** 20)} MB`,
    );
    await context.close();

    // 5. Start-up from the snapshot on disk: a fresh core (as after an app restart).
    const startupGroup = '5 start-up';
    const coreTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const fresh = benchCore(world.ws);
      const accounts = await fresh.core.api['accounts.list']({});
      const snapshot = await fresh.core.api['fleet.snapshot']({});
      coreTimes.push(performance.now() - t0);
      if (accounts.accounts.length !== 20 || snapshot?.clusters.length !== rows)
        throw new Error('the fresh core did not see the fleet');
      await fresh.core.dispose();
    }
    results.check(
      startupGroup,
      'core ready (createCore + accounts.list + fleet.snapshot)',
      median(coreTimes),
      'ms',
      300,
      '< 300 ms',
      {
        note: `${spreadNote(spread(coreTimes))}; 20 accounts, ${rows} clusters on disk; warm process (modules loaded)`,
      },
    );
    const dashboards: Probes[] = [];
    for (let i = 0; i < RUNS; i++) {
      const fresh = benchCore(world.ws);
      try {
        const opened = await openDashboard(browser, fresh.core, server.url);
        dashboards.push(await probes(opened.page));
        await opened.context.close();
      } finally {
        await fresh.core.dispose();
      }
    }
    const dashboard = spread(dashboards.map((p) => p.firstRowPainted!));
    const delivered = spread(dashboards.map((p) => p.delivered!));
    results.report(
      startupGroup,
      'first dashboard from cached snapshot (navigation -> rows painted)',
      dashboard.median,
      'ms',
      `fresh core each run; ${spreadNote(dashboard)}; first page delivered at ${Math.round(delivered.median)} ms (median)`,
    );
  } finally {
    await server.close();
  }
}
