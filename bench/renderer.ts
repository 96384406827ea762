// 4. Renderer at scale and 5. start-up: the built renderer in Chromium, its bridge answered by
// a real core over the 6,500-cluster fleet (test/support/bridge-harness.ts), timed in the page
// with performance.now(), requestAnimationFrame and a longtask PerformanceObserver.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { serveRenderer } from '../test/support/static-server';
import { benchCore } from './cores';
import type { FleetWorld } from './fleet';
import { RUNS, median, percentile, spread, spreadNote } from './support';
import type { Results } from './support';
import {
  FILTER_ROUNDS,
  openDashboard,
  outDir,
  probes,
  scrollAll,
  typeFilterRound,
  untilAllRows,
} from './renderer-page';
import { traced } from './renderer-trace';
import type { Probes, ScrollRun } from './renderer-page';

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

/**
 * BENCH_AB_RENDERER=dir (another build's out/renderer, e.g. main's): first rows of that build and
 * of this one, alternating page by page, then the filter keystrokes of a page of each, round by
 * round, so both see the same machine load (A/B in one run).
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
    const cpu: Record<'this' | 'other', number[]> = { this: [], other: [] };
    for (let run = 0; run < 2 * Math.max(5, RUNS); run++) {
      const which = run % 2 === 0 ? 'other' : 'this';
      const opened = await openDashboard(
        browser,
        world.main.core,
        which === 'this' ? thisUrl : other.url,
        { cpu: true },
      );
      const p = await probes(opened.page);
      times[which].push(p.firstRowPainted! - p.delivered!);
      if (opened.cpu !== null) cpu[which].push(opened.cpu);
      await opened.context.close();
    }
    const label = (which: 'this' | 'other') => (which === 'this' ? 'this build' : otherDir);
    for (const which of ['other', 'this'] as const) {
      const s = spread(times[which]);
      results.report(
        '4 renderer',
        `A/B snapshot delivered -> first rows painted, ${label(which)}`,
        s.median,
        'ms',
        `alternating with the other build; ${spreadNote(s)}`,
      );
      const c = spread(cpu[which]);
      results.report(
        '4 renderer',
        `A/B main-thread CPU, first page delivered -> first rows painted, ${label(which)}`,
        c.median,
        'ms',
        `the tasks' thread time in a light trace (both builds traced alike); ${spreadNote(c)}`,
      );
    }

    // The filter keystrokes: a page of each build with every row in, their rounds interleaved.
    const pages = {
      other: await openDashboard(browser, world.main.core, other.url),
      this: await openDashboard(browser, world.main.core, thisUrl),
    };
    try {
      const rows = world.snapshot.clusters.length;
      for (const which of ['other', 'this'] as const) await untilAllRows(pages[which].page, rows);
      for (let repeat = 0; repeat < 2; repeat++)
        for (const text of FILTER_ROUNDS)
          for (const which of ['other', 'this'] as const)
            await typeFilterRound(pages[which].page, text);
      for (const which of ['other', 'this'] as const) {
        await pages[which].page.waitForTimeout(300);
        const keys = (await probes(pages[which].page)).keystrokes;
        results.report(
          '4 renderer',
          `A/B filter keystroke -> next paint, median / p90, ${label(which)}`,
          median(keys),
          'ms',
          `p90 ${percentile(keys, 90).toFixed(1)} ms, max ${Math.max(...keys).toFixed(1)} ms; ${keys.length} keystrokes, rounds interleaved with the other build's`,
        );
      }
    } finally {
      for (const which of ['other', 'this'] as const) await pages[which].context.close();
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

    // Filter keystrokes: narrow, then widen again, twice (FILTER_ROUNDS); each measured keydown
    // -> after the next paint.
    await traced(page, 'renderer-keys', async () => {
      for (const text of FILTER_ROUNDS) await typeFilterRound(page, text);
    });
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
