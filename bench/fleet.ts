// 1. Fleet inventory at scale and 3. checklist latency, over a 20 x 13 x 25 fleet with 150 ms
// injected on every call (the curve over 1..100 accounts is in scale.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import type { ClusterSummary } from '../electron/contract';
import { BatchCache } from '../electron/core/checks/context';
import { accountsOf } from '../electron/core/accounts';
import { CloudLimits } from '../electron/core/cloud/session';
import { Limiter } from '../electron/core/util/limiter';
import { generateFleet } from '../simulator';
import { addFleetAccounts, benchCore, freshFolder, regionKeyOf, workspace } from './cores';
import { compareCores } from './core-ab';
import type { BenchCore, Workspace } from './cores';
import type { SimProcess } from './sim-process';
import {
  RUNS,
  byAccount,
  collectGarbage,
  median,
  peakAccountInFlight,
  peakGlobalInFlight,
  percentile,
  spread,
  spreadNote,
} from './support';
import type { RecordedCall, Results, Spread } from './support';

export const FLEET = { accounts: 20, regions: 13, clustersPerRegion: 25, keysPerRegion: 10 };
/** The curve's largest point: the simulated cloud holds this many accounts for every group. */
export const SIM_ACCOUNTS = 100;
export const LATENCY_MS = 150;
/** The app's defaults, read from CloudLimits itself so the table always shows what ships. */
const shipped = new CloudLimits();
export const DEFAULT_LIMITS = { global: shipped.globalLimit, perAccount: shipped.accountLimit };
/** The limits of the figures before the defaults changed (kept for comparison). */
export const OLD_LIMITS = { global: 128, perAccount: 8 };

export interface FleetWorld {
  ws: Workspace;
  /** A core over the refreshed fleet (snapshot in memory and on disk), default limits. */
  main: BenchCore;
  snapshot: { clusters: ClusterSummary[] };
  accountIds: string[];
  /** Every account of the simulated cloud, added to its own data folder (the curve's). */
  large: { ws: Workspace; accountIds: string[] };
}

export interface RefreshRun {
  bench: BenchCore;
  wallMs: number;
  calls: RecordedCall[];
  clusters: number;
  failures: number;
  peakRssMb: number;
  /** RSS before the refresh (after a full GC). */
  baseRssMb: number;
  /**
   * Heap (JS + external) still held after the refresh and a full GC, less the same before it:
   * what the fleet costs to keep (the snapshot, its indexes), unlike peak RSS, which also
   * counts the garbage of the refresh and never falls back once the heap has grown.
   */
  keptHeapMb: number;
  t0: number;
  /** Event-loop delay of this process during the refresh (ms). */
  loopDelay: { p50: number; p99: number; max: number };
  /**
   * CPU time this process spent during the refresh (user + system, ms): unlike wall time it
   * hardly moves when other work shares the machine, so it is the figure to compare per call.
   */
  cpuMs: number;
}

/** A fresh core's refresh, timed: wall, every call, peak RSS, event-loop delay. */
export async function timedRefresh(
  ws: Workspace,
  limits: { global: number; perAccount: number } | null,
  accountIds?: string[],
  options: { profile?: string } = {},
): Promise<RefreshRun> {
  const bench = benchCore(ws, limits ? { cloudLimits: limits } : {});
  collectGarbage();
  const base = process.memoryUsage();
  const baseRss = base.rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => {
    // rss() alone: memoryUsage() walks the whole heap's spaces, and at every 20 ms it was
    // ~1% of the refresh's CPU in the profile (the bench measuring itself).
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);
  const profiler = options.profile ? await startProfile() : null;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const refreshed = await bench.core.api['fleet.refresh'](accountIds ? { accountIds } : {});
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  await profiler?.stop(options.profile!);
  loop.disable();
  const loopDelay = {
    p50: loop.percentile(50) / 1e6,
    p99: loop.percentile(99) / 1e6,
    max: loop.max / 1e6,
  };
  clearInterval(sampler);
  collectGarbage();
  const kept = process.memoryUsage();
  return {
    bench,
    wallMs,
    calls: bench.recorder.calls,
    clusters: refreshed.clusters,
    failures: refreshed.failures,
    peakRssMb: peakRss / 2 ** 20,
    baseRssMb: baseRss / 2 ** 20,
    keptHeapMb: (kept.heapUsed + kept.external - base.heapUsed - base.external) / 2 ** 20,
    t0,
    loopDelay,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

/** BENCH_PROFILE=dir: a CPU profile of this process around the measured refresh. */
async function startProfile(): Promise<{ stop(name: string): Promise<void> } | null> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return null;
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop(name) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** calls / per-account concurrency x latency, for the slowest account (the definition). */
export function criticalPath(calls: RecordedCall[], perAccount: number, callMs = LATENCY_MS) {
  let worst = 0;
  let worstCalls = 0;
  for (const list of byAccount(calls).values()) {
    const ms = (list.length / perAccount) * callMs;
    if (ms > worst) {
      worst = ms;
      worstCalls = list.length;
    }
  }
  return { ms: worst, callsOfSlowest: worstCalls };
}

export function actionCounts(calls: RecordedCall[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of calls)
    out[`${c.product}/${c.action}`] = (out[`${c.product}/${c.action}`] ?? 0) + 1;
  return out;
}

/** Runs the same refresh RUNS times (a fresh core each); returns every run, median first. */
export async function repeatedRefresh(
  ws: Workspace,
  limits: { global: number; perAccount: number } | null,
  accountIds?: string[],
  profile?: string,
): Promise<{ runs: RefreshRun[]; median: RefreshRun; wall: Spread }> {
  const runs: RefreshRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await timedRefresh(
      freshFolder(ws),
      limits,
      accountIds,
      i === 0 && profile ? { profile } : {},
    );
    runs.push(run);
    if (i < RUNS - 1) await run.bench.core.dispose();
  }
  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const middle = byWall[Math.floor((byWall.length - 1) / 2)]!;
  // Keep the median run's core (it may be used further); dispose the last if it is not that one.
  const last = runs.at(-1)!;
  if (last !== middle) await last.bench.core.dispose();
  return { runs, median: middle, wall: spread(runs.map((r) => r.wallMs)) };
}

export async function benchFleet(sim: SimProcess, results: Results): Promise<FleetWorld> {
  const group = '1 fleet';
  // One simulated cloud for every group: the curve's largest fleet; the 20-account figures use
  // its first 20 accounts (generateFleet is deterministic, account by account).
  await sim.load(generateFleet({ ...FLEET, accounts: SIM_ACCOUNTS }));
  const ws = workspace('fleet');
  const setup = benchCore(ws);
  await addFleetAccounts(setup.core, FLEET.accounts, sim.url);
  const accountIds = (await accountsOf(setup.core.context).list()).map((a) => a.id);
  // Warm-up without latency (module initialisation, JIT): one account.
  await setup.core.api['fleet.refresh']({ accountIds: [accountIds[0]!] });
  await setup.core.dispose();
  const large = workspace('curve');
  const setupLarge = benchCore(large);
  await addFleetAccounts(setupLarge.core, SIM_ACCOUNTS, sim.url);
  const largeIds = (await accountsOf(setupLarge.core.context).list()).map((a) => a.id);
  await setupLarge.core.dispose();

  await sim.addFault({ kind: 'latency', ms: LATENCY_MS, rate: 1 });

  // The shipped defaults (what settings.json holds when the user changed nothing).
  const byDefault = await repeatedRefresh(ws, null, undefined, 'fleet-refresh');
  // The old defaults, for the before -> after of the limits.
  const old = await repeatedRefresh(ws, OLD_LIMITS);
  await old.median.bench.core.dispose();
  // Sequential baseline: one account, one call after another; scaled by calls.
  const sequential = await timedRefresh(ws, { global: 1, perAccount: 1 }, [accountIds[0]!]);
  await sequential.bench.core.dispose();

  const run = byDefault.median;
  const limits = DEFAULT_LIMITS;
  const cp = criticalPath(run.calls, limits.perAccount);
  const totalCalls = run.calls.length;
  // The same path with the call time this machine actually gave (150 ms plus the simulated
  // cloud and the client sharing 2 cores with every request in flight).
  const measuredCallMs = median(run.calls.map((c) => c.ms));
  const cpMeasured = (cp.callsOfSlowest / limits.perAccount) * measuredCallMs;
  const perCallSeq = sequential.wallMs / sequential.calls.length;
  const sequentialMs = perCallSeq * totalCalls;
  const effectiveGlobal = peakGlobalInFlight(run.calls);

  results.report(group, 'clusters listed (Edge Pro)', run.clusters, '', `failures ${run.failures}`);
  results.report(
    group,
    'cloud calls in a full refresh',
    totalCalls,
    '',
    `slowest account ${cp.callsOfSlowest} calls; ${JSON.stringify(actionCounts(run.calls))}`,
  );
  results.report(
    group,
    'critical path (slowest account)',
    cp.ms,
    'ms',
    `${cp.callsOfSlowest} calls / ${limits.perAccount} per account x ${LATENCY_MS} ms`,
  );
  results.check(
    group,
    'refresh wall, shipped defaults',
    byDefault.wall.median,
    'ms',
    cp.ms * 1.3,
    '<= 1.3x critical path',
    {
      note: `${(byDefault.wall.median / cp.ms).toFixed(2)}x critical path; ${spreadNote(byDefault.wall)}; limits ${limits.perAccount} per account, global ${limits.global} (${effectiveGlobal} in flight at most)`,
    },
  );
  results.check(
    group,
    'refresh wall / critical path at the measured call time, shipped defaults',
    byDefault.wall.median / cpMeasured,
    'x',
    1.3,
    '<= 1.3x',
    {
      note: `median call ${Math.round(measuredCallMs)} ms here (not ${LATENCY_MS}): path ${Math.round(cpMeasured)} ms; event-loop delay p99 ${run.loopDelay.p99.toFixed(0)} ms`,
    },
  );
  results.report(
    group,
    `refresh wall, old defaults ${OLD_LIMITS.global}/${OLD_LIMITS.perAccount}`,
    old.wall.median,
    'ms',
    `${(old.wall.median / cp.ms).toFixed(2)}x critical path; ${spreadNote(old.wall)}; the global limit alone needs >= ${Math.round((totalCalls / OLD_LIMITS.global) * LATENCY_MS)} ms (${totalCalls} calls / ${OLD_LIMITS.global} x ${LATENCY_MS} ms)`,
  );
  results.report(
    group,
    'sequential baseline (scaled)',
    sequentialMs,
    'ms',
    `${sequential.calls.length} calls of one account one after another in ${Math.round(sequential.wallMs)} ms (${perCallSeq.toFixed(0)} ms/call), x ${totalCalls} calls`,
  );
  results.check(
    group,
    'speed-up vs sequential, shipped defaults',
    sequentialMs / byDefault.wall.median,
    'x',
    50,
    '>= 50x',
    { higherIsBetter: true },
  );
  const cpuPerCall = spread(byDefault.runs.map((r) => r.cpuMs / r.calls.length));
  results.report(
    group,
    'app CPU per cloud call, shipped defaults',
    cpuPerCall.median,
    'ms',
    `process CPU (user + system) during the refresh / its calls; ${spreadNote(cpuPerCall, 'ms', 2)}; ${Math.round(run.cpuMs)} ms CPU in ${Math.round(run.wallMs)} ms wall (median run)`,
  );
  results.report(
    group,
    'peak RSS during refresh',
    run.peakRssMb,
    'MB',
    `${Math.round(run.baseRssMb)} MB before it (after GC); bench process, the simulator runs in its own`,
  );
  results.report(
    group,
    'peak calls in flight, one account',
    peakAccountInFlight(run.calls),
    '',
    `all accounts: ${effectiveGlobal} (shipped defaults), ${peakGlobalInFlight(old.median.calls)} (old defaults)`,
  );
  const overall = run.calls.map((c) => c.globalLimit);
  results.report(
    group,
    'overall limit during the refresh (follows the event loop), median',
    median(overall),
    '',
    `min ${Math.min(...overall)}, max ${Math.max(...overall)} over its ${overall.length} calls; configured ${limits.global}`,
  );
  results.details.fleet = {
    fleet: FLEET,
    latencyMs: LATENCY_MS,
    byDefault: { limits, wallMs: byDefault.wall, calls: totalCalls },
    old: { limits: OLD_LIMITS, wallMs: old.wall, calls: old.median.calls.length },
    sequential: { wallMs: sequential.wallMs, calls: sequential.calls.length },
    criticalPathMs: cp.ms,
    callMs: {
      p50: median(run.calls.map((c) => c.ms)),
      p95: percentile(
        run.calls.map((c) => c.ms),
        95,
      ),
      max: Math.max(...run.calls.map((c) => c.ms)),
    },
    loopDelayMs: run.loopDelay,
    firstCallStart: Math.min(...run.calls.map((c) => c.start)) - run.t0,
    lastCallEnd: Math.max(...run.calls.map((c) => c.end)) - run.t0,
    actions: actionCounts(run.calls),
  };
  // BENCH_AB_CORE=dir: another checkout's core against this one, refreshes alternating (core-ab.ts).
  if (process.env.BENCH_AB_CORE)
    await compareCores(ws, results, group, process.env.BENCH_AB_CORE, (w) => timedRefresh(w, null));
  const snapshot = (await run.bench.core.api['fleet.snapshot']({}))!;
  return {
    ws: run.bench.ws,
    main: run.bench,
    snapshot,
    accountIds,
    large: { ws: large, accountIds: largeIds },
  };
}

/** The depth at which each action sits in the checklist's data dependencies (1 = no input). */
const DEPTH: Record<string, number> = {
  DescribeClusterDetail: 1,
  DescribeClusterTasks: 1,
  DescribeKey: 1,
  ListKeys: 1,
  GetCallerIdentity: 1,
  GetRole: 1,
  // Needs nothing but is read after GetRole in access.ts (its own answer says whether it exists).
  ListPoliciesForRole: 1,
  DescribeSecurityGroups: 2,
  DescribeSecurityGroupAttribute: 2,
  DescribeVSwitches: 2,
  ListPoliciesForUser: 2,
  ListGroupsForUser: 2,
  DescribeUserPermission: 2,
  DescribeNetworkAclAttributes: 3,
  ListPoliciesForGroup: 3,
};

export async function benchChecklist(world: FleetWorld, results: Results): Promise<void> {
  const group = '3 checklist';
  const { core, recorder } = world.main;
  const candidates = world.snapshot.clusters.filter(
    (c) => c.edition === 'edge-pro' && c.state === 'running' && c.encryption.enabled === false,
  );
  // One cluster's checklist, three times on different clusters (each its own cache).
  const walls: number[] = [];
  const paths: number[] = [];
  let callsOne = 0;
  for (const cluster of candidates.slice(0, 3)) {
    const t0 = performance.now();
    recorder.reset();
    const checklist = await core.api['checks.run']({
      clusterId: cluster.clusterId,
      action: 'enable',
      keyId: regionKeyOf(cluster.clusterId, 1),
      accountId: cluster.accountId,
    });
    walls.push(performance.now() - t0);
    const calls = recorder.since(t0 - 1);
    callsOne = calls.length;
    const depth = Math.max(...calls.map((c) => DEPTH[c.action] ?? 1));
    paths.push(Math.max(depth, Math.ceil(calls.length / DEFAULT_LIMITS.perAccount)) * LATENCY_MS);
    if (!checklist.ready)
      results.details.checklistNotReady = checklist.checks.filter((c) => c.status === 'fail');
  }
  const wall = median(walls);
  const cpMs = median(paths);
  results.report(
    group,
    'critical path of one checklist',
    cpMs,
    'ms',
    `${callsOne} calls; dependency depth x ${LATENCY_MS} ms`,
  );
  results.check(
    group,
    'one checklist wall (median of 3)',
    wall,
    'ms',
    cpMs * 1.5,
    '<= 1.5x critical path',
    {
      note: `${(wall / cpMs).toFixed(2)}x; runs ${walls.map((w) => Math.round(w)).join(', ')} ms`,
    },
  );

  // 200 clusters in a batch plan: one BatchCache per account, six checklists at a time (plan.ts).
  const planned = world.snapshot.clusters.filter((c) => c.edition === 'edge-pro').slice(0, 200);
  const caches = new Map<string, BatchCache>();
  const limiter = new Limiter(6);
  recorder.reset();
  const t0 = performance.now();
  // Through the checklist's one door (ChecksService.runFor), as batch/plan.ts runs it; each
  // cluster with its own region's key, which one batch.plan (one key) cannot say.
  await Promise.all(
    planned.map((cluster) =>
      limiter.run(() => {
        let cache = caches.get(cluster.accountId);
        if (!cache) caches.set(cluster.accountId, (cache = new BatchCache()));
        return core.checks.runFor(cluster, 'enable', regionKeyOf(cluster.clusterId, 1), cache);
      }),
    ),
  );
  const batchWall = performance.now() - t0;
  const calls = recorder.calls.length;
  const accountsIn = new Set(planned.map((c) => c.accountId)).size;
  const regionsIn = new Set(planned.map((c) => `${c.accountId}/${c.regionId}`)).size;
  const shared = [...caches.values()].reduce((n, c) => n + c.calls, 0);
  results.check(
    group,
    '200-cluster plan: cloud calls',
    calls,
    '',
    callsOne * planned.length,
    `< ${callsOne} x 200 (no reuse)`,
    {
      note: `${(calls / planned.length).toFixed(2)} calls/cluster; ${accountsIn} account(s), ${regionsIn} account-regions; ${shared} shared fetches made once; ${JSON.stringify(actionCounts(recorder.calls))}`,
    },
  );
  const floor = (calls / DEFAULT_LIMITS.perAccount / accountsIn) * LATENCY_MS;
  results.report(
    group,
    '200-cluster plan wall',
    batchWall,
    'ms',
    `floor ${Math.round(floor)} ms (${calls} calls / ${DEFAULT_LIMITS.perAccount} per account x ${LATENCY_MS} ms)`,
  );
}
