// 2. Polling cost: a 10-minute encryption change in a time-scaled simulated cloud, followed by
// the operations service with the cloud's scaled clock. Then 50 changes in flight at once in one
// account, and the same with 20% of calls throttled.
import type { ClusterSummary, OperationView } from '../electron/contract';
import { scaledClock } from '../electron/core/util/clock';
import { generateFleet } from '../simulator';
import { addFleetAccounts, benchCore, regionKeyOf, workspace } from './cores';
import type { BenchCore } from './cores';
import { startSimProcess } from './sim-process';
import type { SimProcess } from './sim-process';
import { median, peakAccountInFlight } from './support';
import type { RecordedCall, Results } from './support';

/** Simulated seconds per real second: a 10-minute change takes 20 s. */
export const TIME_SCALE = 30;
/** Our per-account budget: never more than the session's 8 in flight, and at most this many
 * calls per (simulated) second over any 10-second window while changes are followed. */
export const BUDGET = { inFlight: 8, callsPerSecond: 10 };

interface Mapping {
  /** Simulated ms at a real Date.now() ms. */
  simAt(realMs: number): number;
}

async function clockMapping(sim: SimProcess): Promise<Mapping> {
  const before = Date.now();
  const { now, timeScale } = await sim.time();
  const real = (before + Date.now()) / 2;
  return { simAt: (realMs) => now + (realMs - real) * timeScale };
}

interface ChangeFigures {
  views: OperationView[];
  /** Simulated seconds between the cluster running again and the app saying the change ended. */
  detectionS: number[];
  /** DescribeClusterDetail attempts while following, per change (mean). */
  pollsPerChange: number;
  /** Simulated seconds each change was followed (request to reported end). */
  followedS: number[];
  polls: number;
  /** Calls while following, for budget figures. */
  followCalls: RecordedCall[];
  startCalls: RecordedCall[];
  startWallMs: number;
  rejected: string[];
}

async function runChanges(
  sim: SimProcess,
  bench: BenchCore,
  map: Mapping,
  clusters: ClusterSummary[],
): Promise<ChangeFigures> {
  const { core, recorder } = bench;
  recorder.reset();
  const t0 = performance.now();
  const rejected: string[] = [];
  const started = await Promise.all(
    clusters.map((c) =>
      core.api['encryption.enable']({
        clusterId: c.clusterId,
        keyId: regionKeyOf(c.clusterId, 0),
        accountId: c.accountId,
      }).catch((error: unknown) => {
        rejected.push(`${c.clusterId}: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }),
    ),
  );
  const startWallMs = performance.now() - t0;
  const tFollow = performance.now();
  const views = await Promise.all(
    started
      .filter((v): v is OperationView => v !== null)
      .map((v) => core.operations.waitFor(v.operationId)),
  );
  // Every call once all changes were requested (polls, and the refreshes after each end).
  const followCalls = recorder.calls.filter((c) => c.start >= tFollow);
  const startCalls = recorder.calls.filter((c) => c.start < tFollow);
  // Polls: every DescribeClusterDetail attempt of the run but the one of each checklist.
  const polls =
    recorder.calls.filter((c) => c.action === 'DescribeClusterDetail').length - clusters.length;
  const detectionS: number[] = [];
  const followedS: number[] = [];
  for (const view of views) {
    const cluster = await sim.cluster(view.clusterId);
    const ranAgain = Date.parse(String(cluster.lastKmsChangeEnd));
    const reported = map.simAt(Date.parse(view.endedAt!));
    detectionS.push((reported - ranAgain) / 1000);
    followedS.push((reported - map.simAt(Date.parse(view.requestedAt!))) / 1000);
  }
  return {
    views,
    detectionS,
    // Every DescribeClusterDetail made after all changes were requested, shared equally.
    pollsPerChange: polls / Math.max(1, views.length),
    polls,
    followedS,
    followCalls,
    startCalls,
    startWallMs,
    rejected,
  };
}

/** Peak calls per simulated second over 10-simulated-second windows (sliding by 1 s). */
function peakRate(
  calls: RecordedCall[],
  scale: number,
): { peak: number; mean: number; busiest: Record<string, number> } {
  if (calls.length === 0) return { peak: 0, mean: 0, busiest: {} };
  const window = 10_000 / scale; // real ms for 10 simulated seconds
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  let peak = 0;
  let at = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[i]!.start - sorted[j]!.start > window) j += 1;
    if (i - j + 1 > peak) [peak, at] = [i - j + 1, j];
  }
  const busiest: Record<string, number> = {};
  for (const c of sorted.slice(at, at + peak)) busiest[c.action] = (busiest[c.action] ?? 0) + 1;
  const spanS = ((sorted.at(-1)!.start - sorted[0]!.start) * scale) / 1000;
  return { peak: peak / 10, mean: calls.length / Math.max(spanS, 1), busiest };
}

function outcomes(views: OperationView[]): string {
  const counts: Record<string, number> = {};
  for (const v of views) counts[v.outcome ?? 'none'] = (counts[v.outcome ?? 'none'] ?? 0) + 1;
  return JSON.stringify(counts);
}

export async function benchPolling(results: Results): Promise<void> {
  const group = '2 polling';
  const sim = await startSimProcess({ timeScale: TIME_SCALE });
  const bench: { value: BenchCore | null } = { value: null };
  try {
    await sim.load(
      generateFleet({ accounts: 1, regions: 13, clustersPerRegion: 25, keysPerRegion: 2 }),
    );
    const map = await clockMapping(sim);
    const ws = workspace('polling');
    const b = benchCore(ws, {
      clockFor: () => scaledClock(TIME_SCALE, () => map.simAt(Date.now())),
    });
    bench.value = b;
    await addFleetAccounts(b.core, 1, sim.url);
    await b.core.api['fleet.refresh']({});
    const snapshot = (await b.core.api['fleet.snapshot']({}))!;
    const eligible = snapshot.clusters.filter(
      (c) => c.edition === 'edge-pro' && c.state === 'running' && c.encryption.enabled === false,
    );
    if (eligible.length < 101) throw new Error(`only ${eligible.length} eligible clusters`);

    // One change on its own.
    const one = await runChanges(sim, b, map, eligible.slice(0, 1));
    if (one.views.length !== 1) throw new Error(`the change did not start: ${one.rejected[0]}`);
    const calls = one.polls;
    const followed = one.followedS[0]!;
    results.check(
      group,
      'detection after running (1 change)',
      one.detectionS[0]!,
      's sim',
      10,
      '<= 10 s',
      {
        note: `outcome ${one.views[0]!.outcome}; followed ${followed.toFixed(0)} s simulated`,
      },
    );
    results.check(
      group,
      'seconds per DescribeClusterDetail (1 change)',
      followed / calls,
      's sim',
      15,
      '>= 15 s per call',
      { higherIsBetter: true, note: `${calls} calls over ${followed.toFixed(0)} s simulated` },
    );

    // 50 at once, one account.
    const fifty = await runChanges(sim, b, map, eligible.slice(1, 51));
    reportMany(results, group, '50 in flight', fifty);

    // 50 at once with 20% of every call throttled (retry-after: 1 simulated second).
    await sim.addFault({
      kind: 'throttle',
      rate: 0.2,
      retryAfterMs: Math.round(1000 / TIME_SCALE),
    });
    const throttled = await runChanges(sim, b, map, eligible.slice(51, 101));
    await sim.clearFaults();
    const failed =
      throttled.rejected.length + throttled.views.filter((v) => v.outcome !== 'succeeded').length;
    results.check(group, '50 in flight, 20% throttled: changes failed', failed, '', 0, '0', {
      note: `${outcomes(throttled.views)}; rejected at start ${throttled.rejected.length}${throttled.rejected[0] ? ` (${throttled.rejected[0].slice(0, 160)})` : ''}; throttled attempts ${throttled.followCalls.filter((c) => !c.ok).length + throttled.startCalls.filter((c) => !c.ok).length}`,
    });
    reportMany(results, group, '50 in flight, 20% throttled', throttled, false);
  } finally {
    await bench.value?.core.dispose();
    await sim.stop();
  }
}

function reportMany(
  results: Results,
  group: string,
  label: string,
  figures: ChangeFigures,
  withTargets = true,
): void {
  const failed =
    figures.rejected.length + figures.views.filter((v) => v.outcome !== 'succeeded').length;
  if (withTargets)
    results.check(group, `${label}: changes failed`, failed, '', 0, '0', {
      note: `${outcomes(figures.views)}${figures.rejected[0] ? `; ${figures.rejected[0].slice(0, 160)}` : ''}`,
    });
  const maxDetection = Math.max(...figures.detectionS);
  const note = `median ${median(figures.detectionS).toFixed(1)} s`;
  if (withTargets)
    results.check(group, `${label}: worst detection`, maxDetection, 's sim', 10, '<= 10 s', {
      note,
    });
  else results.report(group, `${label}: worst detection`, maxDetection, 's sim', note);
  const meanFollowed = figures.followedS.reduce((a, b) => a + b, 0) / figures.followedS.length;
  const perCall = meanFollowed / figures.pollsPerChange;
  results.check(
    group,
    `${label}: seconds per poll per change`,
    perCall,
    's sim',
    15,
    '>= 15 s per call',
    {
      higherIsBetter: true,
      note: `${figures.polls} DescribeClusterDetail attempts for ${figures.views.length} changes`,
    },
  );
  const follow = peakRate(figures.followCalls, TIME_SCALE);
  results.check(
    group,
    `${label}: peak calls/s while following`,
    follow.peak,
    '/s sim',
    BUDGET.callsPerSecond,
    `<= ${BUDGET.callsPerSecond}/s (budget)`,
    {
      note: `mean ${follow.mean.toFixed(2)}/s over the follow; busiest 10 s window: ${JSON.stringify(follow.busiest)}`,
    },
  );
  const inFlight = peakAccountInFlight([...figures.startCalls, ...figures.followCalls]);
  results.check(
    group,
    `${label}: peak calls in flight`,
    inFlight,
    '',
    BUDGET.inFlight,
    `<= ${BUDGET.inFlight}`,
    {
      note: `start (${figures.startCalls.length} calls: checklists + UpdateKMSEncryption) took ${Math.round(figures.startWallMs)} ms real`,
    },
  );
}
