// 6. The curve: the same refresh (13 regions x 25 clusters per account, 150 ms per call) at 1,
// 5, 20, 50 and 100 accounts with the shipped limits: wall time against the critical path,
// calls, memory and event-loop delay. Then, at the largest point, the global limit swept, which
// is what the shipped global limit is chosen from.
import { cpus } from 'node:os';
import { CloudLimits } from '../electron/core/cloud/session';
import { DEFAULT_LIMITS, FLEET, LATENCY_MS, criticalPath, repeatedRefresh } from './fleet';
import type { FleetWorld, RefreshRun } from './fleet';
import { median, peakGlobalInFlight, spreadNote } from './support';
import type { Results, Spread } from './support';

export const CURVE = [1, 5, 20, 50, 100];
/** Global limits tried at the largest point (the shipped one is added). */
export const SWEEP = [128, 256, 512, 800];

interface Point {
  accounts: number;
  clusters: number;
  calls: number;
  wall: Spread;
  criticalPathMs: number;
  /** The same path at the median call time this run measured. */
  criticalPathMeasuredMs: number;
  medianCallMs: number;
  peakRssMb: number;
  rssPer1000ClustersMb: number;
  /** Heap kept after the refresh (after GC) per 1,000 clusters: the memory a cluster costs. */
  keptHeapPer1000ClustersMb: number;
  loopDelayP99Ms: number;
  peakInFlight: number;
}

function pointOf(accounts: number, wall: Spread, run: RefreshRun, perAccount: number): Point {
  const cp = criticalPath(run.calls, perAccount);
  const callMs = median(run.calls.map((c) => c.ms));
  return {
    accounts,
    clusters: run.clusters,
    calls: run.calls.length,
    wall,
    criticalPathMs: cp.ms,
    criticalPathMeasuredMs: (cp.callsOfSlowest / perAccount) * callMs,
    medianCallMs: callMs,
    peakRssMb: run.peakRssMb,
    rssPer1000ClustersMb: ((run.peakRssMb - run.baseRssMb) / Math.max(1, run.clusters)) * 1000,
    keptHeapPer1000ClustersMb: (run.keptHeapMb / Math.max(1, run.clusters)) * 1000,
    loopDelayP99Ms: run.loopDelay.p99,
    peakInFlight: peakGlobalInFlight(run.calls),
  };
}

export async function benchCurve(world: FleetWorld, results: Results): Promise<void> {
  const group = '6 curve';
  const ids = world.large.accountIds;
  const points: Point[] = [];
  for (const n of CURVE.filter((c) => c <= ids.length)) {
    const r = await repeatedRefresh(world.large.ws, null, ids.slice(0, n));
    await r.median.bench.core.dispose();
    const p = pointOf(n, r.wall, r.median, DEFAULT_LIMITS.perAccount);
    points.push(p);
    results.check(
      group,
      `${n} account(s): refresh wall / critical path`,
      p.wall.median / p.criticalPathMs,
      'x',
      1.3,
      '<= 1.3x',
      {
        note: `${Math.round(p.wall.median)} ms (${spreadNote(p.wall)}) for ${p.clusters} clusters, ${p.calls} calls; at the measured call time (${Math.round(p.medianCallMs)} ms) ${(p.wall.median / p.criticalPathMeasuredMs).toFixed(2)}x; peak RSS ${Math.round(p.peakRssMb)} MB (${p.rssPer1000ClustersMb.toFixed(1)} MB per 1,000 clusters over the RSS before it); heap kept ${p.keptHeapPer1000ClustersMb.toFixed(2)} MB per 1,000 clusters; event-loop delay p99 ${p.loopDelayP99Ms.toFixed(0)} ms; ${p.peakInFlight} calls in flight at most`,
      },
    );
  }

  // The global limit at the largest point: where more in flight stops paying on this machine.
  const largest = ids.length;
  const sweep: (Point & { globalLimit: number })[] = [];
  for (const global of [...new Set([...SWEEP, DEFAULT_LIMITS.global])].sort((a, b) => a - b)) {
    const r = await repeatedRefresh(world.large.ws, {
      global,
      perAccount: DEFAULT_LIMITS.perAccount,
    });
    await r.median.bench.core.dispose();
    const p = {
      ...pointOf(largest, r.wall, r.median, DEFAULT_LIMITS.perAccount),
      globalLimit: global,
    };
    sweep.push(p);
    results.report(
      group,
      `${largest} accounts, global limit ${global}: wall`,
      p.wall.median,
      'ms',
      `${(p.wall.median / p.criticalPathMs).toFixed(2)}x critical path; ${spreadNote(p.wall)}; median call ${Math.round(p.medianCallMs)} ms; event-loop delay p99 ${p.loopDelayP99Ms.toFixed(0)} ms; peak RSS ${Math.round(p.peakRssMb)} MB`,
    );
  }
  results.details.curve = {
    fleetPerAccount: { regions: FLEET.regions, clustersPerRegion: FLEET.clustersPerRegion },
    latencyMs: LATENCY_MS,
    limits: {
      perAccount: DEFAULT_LIMITS.perAccount,
      global: DEFAULT_LIMITS.global,
      cores: cpus().length,
      shippedRule: new CloudLimits().describe(),
    },
    points,
    sweep,
  };
}
