// 7. The snapshot to the window: what moving it costs over a transport like Electron's IPC,
// which structured-clones every message (V8's serializer) from the main process to the page.
// Stand-in: a worker_threads MessageChannel (the same serializer, a real second thread). For
// each size: the sender's blocking time (postMessage: the main process's event loop stops for
// it), the time until the receiver holds the object, and the same for one JSON string (the
// compact alternative: a string crosses as bytes, the receiver parses it).
import { Worker } from 'node:worker_threads';
import type { ClusterSummary } from '../electron/contract';
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

export async function benchTransport(world: FleetWorld, results: Results): Promise<void> {
  const group = '7 transport';
  const worker = new Worker(RECEIVER, { eval: true });
  try {
    const details: Record<string, unknown> = {};
    for (const n of [world.snapshot.clusters.length, 32_500]) {
      const snapshot = {
        fetchedAt: new Date().toISOString(),
        stale: false,
        includeAckPro: false,
        clusters: clustersOf(world.snapshot.clusters, n),
        failures: [],
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
      details[n] = { clone, json, jsonBytes: bytes };
    }
    results.details.transport = details;
  } finally {
    await worker.terminate();
  }
}
