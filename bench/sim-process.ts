// The simulated cloud in a child process (the built out/simulator/bin.js), driven over its
// loopback control API. Keeping it out of the benchmark's process means the figures measure the
// app's process only: its CPU is not shared with the cloud's signature checks, and its RSS does
// not include the cloud's world.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { RESOLUTION_MS } from '../simulator';
import type { FaultRule, FixtureInput, ServingStats } from '../simulator';
import type { Results } from './support';

export interface SimProcess {
  url: string;
  /** Replace the world (faults and request counters are cleared). */
  load(fixture: FixtureInput): Promise<void>;
  addFault(rule: FaultRule): Promise<{ id: string }>;
  clearFaults(): Promise<void>;
  /** Requests seen per `product/Action` since the last load/reset. */
  requests(): Promise<Record<string, number>>;
  /** Simulated now (ms) and time scale. */
  time(): Promise<{ now: number; timeScale: number }>;
  cluster(id: string): Promise<SimCluster>;
  /** A new serving window (a load starts a running one again: building the world is not serving). */
  startStats(): Promise<void>;
  /** What serving cost the simulator's process since the window started (serving-stats.ts). */
  stats(): Promise<ServingStats>;
  stop(): Promise<void>;
}

export interface SimCluster {
  id: string;
  state: string;
  tasks?: { taskId: string; state: string; created?: string; updated?: string; type?: string }[];
  [key: string]: unknown;
}

export async function startSimProcess(options: { timeScale?: number } = {}): Promise<SimProcess> {
  const bin = path.resolve('out/simulator/bin.js');
  if (!existsSync(bin)) throw new Error('out/simulator/bin.js is missing: run `npm run build`.');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // BENCH_PROFILE=dir: a CPU profile of the simulated cloud too (written when it stops).
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : []),
      bin,
      '--port',
      '0',
      '--quiet',
      // The bench measures the app against a cloud with its documented page sizes; the small
      // default caps are for tests (they make every listing page).
      '--no-page-caps',
      '--time-scale',
      String(options.timeScale ?? 1),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
  });
  const url = (JSON.parse(first) as { url: string }).url;

  const control = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/__sim${route}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`simulator ${method} ${route}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };

  return {
    url,
    load: async (fixture) => void (await control('POST', '/fixture', { fixture })),
    addFault: (rule) => control('POST', '/faults', rule),
    clearFaults: async () => void (await control('DELETE', '/faults')),
    requests: () => control('GET', '/requests'),
    time: async () => {
      const t = await control<{ now: string; timeScale: number }>('GET', '/time');
      return { now: Date.parse(t.now), timeScale: t.timeScale };
    },
    cluster: (id) => control('GET', `/clusters/${encodeURIComponent(id)}`),
    startStats: async () => void (await control('POST', '/stats/start')),
    stats: () => control('GET', '/stats'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Adds what the simulated cloud cost while `group` ran (its CPU per request, its event-loop delay
 * while serving) to the results, then starts a new window for the next group. It shares the
 * machine's cores with the app: these figures show how much of a refresh's time is the
 * simulator's (a fraction of a millisecond per request, against the app's CPU per call).
 */
export async function reportSimCost(sim: SimProcess, results: Results, group: string) {
  try {
    const s = await sim.stats();
    await sim.startStats();
    const app = results.figures.find(
      (f) => f.group === group && f.name.startsWith('app CPU per cloud call'),
    );
    const versus =
      app?.value && s.cpuPerRequestMs !== null
        ? `; ${(s.cpuPerRequestMs / app.value).toFixed(2)}x the app's CPU per call (${app.value.toFixed(2)} ms)`
        : '';
    results.report(
      group,
      'simulated cloud CPU per request',
      s.cpuPerRequestMs,
      'ms',
      `its own process, user + system, JIT and GC included: ${Math.round(s.cpuMs)} ms CPU for ${s.requests} requests in ${Math.round(s.windowMs)} ms (${((100 * s.cpuMs) / Math.max(1, s.windowMs)).toFixed(0)}% of one core)${versus}`,
    );
    const d = s.loopDelayMs;
    const r = s.requestMs;
    results.report(
      group,
      'simulated cloud loop p99',
      d?.p99 ?? null,
      'ms',
      d
        ? `event-loop delay while serving (${Math.round(s.servingMs)} ms with requests in flight, at most ${s.peakInFlight}): p50 ${d.p50.toFixed(1)}, max ${d.max.toFixed(0)} ms; ${d.samples} samples of a ${RESOLUTION_MS} ms timer (idle reads ~${RESOLUTION_MS})${r ? `; a request took p50 ${r.p50.toFixed(0)}, p99 ${r.p99.toFixed(0)} ms here (arrival to answer, injected latency included)` : ''}`
        : 'no sample (no request in flight long enough)',
    );
    results.details.simulatedCloud = {
      ...(results.details.simulatedCloud as Record<string, unknown> | undefined),
      [group]: s,
    };
  } catch (error) {
    results.error(group, error);
  }
}
