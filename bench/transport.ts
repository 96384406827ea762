// 7. The snapshot to the window: what moving it costs over a transport like Electron's IPC,
// which structured-clones every message (V8's serializer) from the main process to the page.
// Stand-in: a worker_threads MessageChannel (the same serializer, a real second thread). For
// each size: the sender's blocking time (postMessage: the main process's event loop stops for
// it), the time until the receiver holds the object, and the same for one JSON string (the
// compact alternative: a string crosses as bytes, the receiver parses it).
import { Worker } from 'node:worker_threads';
import { SNAPSHOT_PAGES } from '../electron/contract';
import type { ClusterSummary, FleetSnapshot } from '../electron/contract';
import { SnapshotPages } from '../electron/core/fleet/snapshot-pages';
import type { FleetWorld } from './fleet';
import { RUNS, spread, spreadNote } from './support';
import type { Results, Spread } from './support';

/** The receiving side: answers each message with when it had it (ms since the epoch). */
const RECEIVER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  let count;
  if (m.kind === 'json') count = JSON.parse(m.body).clusters.length;
  else count = m.body.clusters.length;
  parentPort.postMessage({ at: performance.timeOrigin + performance.now(), count });
});
`;

/** n clusters: the fleet's own, repeated with new ids (same shapes and string sizes). */
export function clustersOf(base: ClusterSummary[], n: number): ClusterSummary[] {
  const out: ClusterSummary[] = [];
  for (let i = 0; out.length < n; i++) {
    const c = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    out.push(round === 0 ? c : { ...c, clusterId: `${c.clusterId.slice(0, -2)}${round}` });
  }
  return out;
}

interface Figures {
  send: Spread;
  delivered: Spread;
}

async function measure(
  worker: Worker,
  message: () => { kind: 'clone' | 'json'; body: unknown },
  expected: number,
): Promise<Figures> {
  const sends: number[] = [];
  const delivered: number[] = [];
  for (let i = 0; i < Math.max(5, RUNS); i++) {
    const answered = new Promise<{ at: number; count: number }>((resolve) =>
      worker.once('message', resolve),
    );
    const t0 = performance.timeOrigin + performance.now();
    worker.postMessage(message());
    sends.push(performance.timeOrigin + performance.now() - t0);
    const { at, count } = await answered;
    if (count !== expected) throw new Error(`the receiver saw ${count} clusters, not ${expected}`);
    delivered.push(at - t0);
  }
  return { send: spread(sends), delivered: spread(delivered) };
}

/**
 * The window's paged read (fleet.snapshotPage, lib/fleet/snapshot-pages.ts): the first page,
 * then the rest of the same generation one page per round trip, as the window asks for them.
 * `first` is when the receiver holds the first screen; `all` when it holds the last page.
 */
const { first: FIRST_PAGE, next: NEXT_PAGE } = SNAPSHOT_PAGES;

async function measurePaged(
  worker: Worker,
  snapshot: FleetSnapshot,
): Promise<{ first: Spread; all: Spread; pages: number }> {
  const firsts: number[] = [];
  const alls: number[] = [];
  let pages = 0;
  const roundTrip = (body: unknown) => {
    const answered = new Promise<{ at: number; count: number }>((resolve) =>
      worker.once('message', resolve),
    );
    worker.postMessage({ kind: 'clone', body });
    return answered;
  };
  for (let i = 0; i < Math.max(5, RUNS); i++) {
    const pager = new SnapshotPages();
    const t0 = performance.timeOrigin + performance.now();
    const first = pager.page(snapshot, { offset: 0, limit: FIRST_PAGE });
    firsts.push((await roundTrip(first)).at - t0);
    let got = first.clusters.length;
    let at = 0;
    pages = 1;
    while (got < first.total) {
      const page = pager.page(snapshot, {
        generation: first.generation!,
        offset: got,
        limit: NEXT_PAGE,
      });
      got += page.clusters.length;
      at = (await roundTrip(page)).at;
      pages += 1;
    }
    if (got !== snapshot.clusters.length)
      throw new Error(`paged ${got} of ${snapshot.clusters.length}`);
    alls.push((at || performance.timeOrigin + performance.now()) - t0);
  }
  return { first: spread(firsts), all: spread(alls), pages };
}

export async function benchTransport(world: FleetWorld, results: Results): Promise<void> {
  const group = '7 transport';
  const worker = new Worker(RECEIVER, { eval: true });
  try {
    const details: Record<string, unknown> = {};
    for (const n of [world.snapshot.clusters.length, 32_500]) {
      const snapshot: FleetSnapshot = {
        fetchedAt: new Date().toISOString(),
        stale: false,
        includeAckPro: false,
        clusters: clustersOf(world.snapshot.clusters, n),
        failures: [],
        listings: [],
      };
      const clone = await measure(worker, () => ({ kind: 'clone', body: snapshot }), n);
      // The JSON figure includes stringifying on the sender (done per message here).
      const json = await measure(
        worker,
        () => ({ kind: 'json', body: JSON.stringify(snapshot) }),
        n,
      );
      const bytes = JSON.stringify(snapshot).length;
      results.check(
        group,
        `${n} clusters: structured clone, delivered`,
        clone.delivered.median,
        'ms',
        50,
        '< 50 ms',
        {
          note: `${spreadNote(clone.delivered)}; the sender blocked ${clone.send.median.toFixed(1)} ms; ${(bytes / 2 ** 20).toFixed(1)} MB as JSON`,
        },
      );
      results.report(
        group,
        `${n} clusters: one JSON string, delivered and parsed`,
        json.delivered.median,
        'ms',
        `${spreadNote(json.delivered)}; stringify + post blocked the sender ${json.send.median.toFixed(1)} ms`,
      );
      const paged = await measurePaged(worker, snapshot);
      results.check(
        group,
        `${n} clusters: in pages, first screen delivered`,
        paged.first.median,
        'ms',
        50,
        '< 50 ms',
        {
          note: `${spreadNote(paged.first)}; fleet.snapshotPage, ${FIRST_PAGE} rows first, then ${NEXT_PAGE} per page`,
        },
      );
      results.report(
        group,
        `${n} clusters: in pages, all delivered`,
        paged.all.median,
        'ms',
        `${spreadNote(paged.all)}; ${paged.pages} pages, one round trip each (the whole in one message: ${clone.delivered.median.toFixed(0)} ms)`,
      );
      details[n] = { clone, json, jsonBytes: bytes, paged };
    }
    results.details.transport = details;
  } finally {
    await worker.terminate();
  }
}
