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
import { median, percentile } from './support';
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
    if ((name.endsWith('fleet.snapshot') || name.endsWith('fleet.snapshotPage')) && bench.delivered === null) bench.delivered = performance.now();
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
      observer.disconnect();
      afterPaint((t) => { bench.firstRowPainted = t; });
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

async function openDashboard(browser: Browser, core: Core, origin: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await installBridge(page, core, { outDir, origin });
  await page.addInitScript(PROBES);
  // BENCH_PROFILE=dir: a CPU profile of the page from navigation to first rows.
  const cdp = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
  await cdp?.send('Profiler.enable');
  await cdp?.send('Profiler.start');
  await page.goto(`${origin}/`);
  await page.waitForFunction(
    () => (window as unknown as { __bench: Probes }).__bench.firstRowPainted !== null,
    undefined,
    { timeout: 60_000 },
  );
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(process.env.BENCH_PROFILE!, { recursive: true });
    writeFileSync(
      path.join(process.env.BENCH_PROFILE!, `renderer-load-${Date.now()}.cpuprofile`),
      JSON.stringify(profile),
    );
    await cdp.detach();
  }
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
    const { context, page } = await openDashboard(browser, world.main.core, server.url);
    const first = await probes(page);
    const rows = world.snapshot.clusters.length;
    results.check(
      group,
      'snapshot delivered -> first rows painted',
      first.firstRowPainted! - first.delivered!,
      'ms',
      150,
      '< 150 ms',
      {
        note: `${rows} clusters; navigation -> data ${Math.round(first.delivered!)} ms, -> rows painted ${Math.round(first.firstRowPainted!)} ms`,
      },
    );
    results.report(group, 'navigation -> first rows painted', first.firstRowPainted!, 'ms');

    // Filter keystrokes: narrow, then widen again; each measured keydown -> after next paint.
    const search = page.getByTestId('fleet-search');
    await search.click();
    const text = 'fleet-01 cn-sh';
    await page.keyboard.type(text, { delay: 120 });
    for (let i = 0; i < text.length; i++) await page.keyboard.press('Backspace', { delay: 40 });
    await page.waitForTimeout(300);
    const typed = (await probes(page)).keystrokes;
    results.check(
      group,
      'filter keystroke -> next paint (median)',
      median(typed),
      'ms',
      16,
      '< 16 ms',
      {
        note: `${typed.length} keystrokes; p90 ${percentile(typed, 90).toFixed(1)} ms, max ${Math.max(...typed).toFixed(1)} ms`,
      },
    );

    // Scroll the whole table, one viewport per frame.
    await page.waitForTimeout(200);
    const scroll = await page.evaluate(async (row) => {
      const viewport = document.querySelector<HTMLElement>(
        '[data-testid="cluster-table"] .viewport',
      )!;
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
    const all = await probes(page);
    const during = all.longtasks.filter(
      (t) => t.start >= scroll.start && t.start <= scroll.end && t.duration > 50,
    );
    results.check(group, 'long tasks > 50 ms while scrolling all rows', during.length, '', 0, '0', {
      note: `${scroll.frames.length} frames in ${Math.round(scroll.end - scroll.start)} ms; worst frame ${Math.max(...scroll.frames).toFixed(1)} ms; reached row ${scroll.lastRowIndex - 1} of ${rows}`,
    });
    results.report(
      group,
      'long tasks > 50 ms during load',
      all.longtasks.filter((t) => t.start < first.firstRowPainted! && t.duration > 50).length,
      '',
      `longest ${Math.max(0, ...all.longtasks.map((t) => t.duration)).toFixed(0)} ms`,
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
    for (let i = 0; i < 3; i++) {
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
        note: `median of ${coreTimes.map((t) => Math.round(t)).join(', ')} ms; 20 accounts, ${rows} clusters on disk; warm process (modules loaded)`,
      },
    );
    const fresh = benchCore(world.ws);
    try {
      const t0 = Date.now();
      const opened = await openDashboard(browser, fresh.core, server.url);
      const wall = Date.now() - t0;
      const p = await probes(opened.page);
      results.report(
        startupGroup,
        'first dashboard from cached snapshot (navigation -> rows painted)',
        p.firstRowPainted!,
        'ms',
        `fresh core; snapshot delivered at ${Math.round(p.delivered!)} ms; ${wall} ms from new page to rows seen by the test`,
      );
      await opened.context.close();
    } finally {
      await fresh.core.dispose();
    }
  } finally {
    await server.close();
  }
}
