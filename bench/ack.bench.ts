// The benchmark (README, Benchmarks), one run on one machine: fleet scale, polling cost, checklist
// latency, renderer at scale, start-up. Prints one table and writes bench/results/latest.json.
// A group that breaks is recorded as an ERROR row; the others still run.
import { test } from '@playwright/test';
import { benchChecklist, benchFleet } from './fleet';
import type { FleetWorld } from './fleet';
import { benchPolling } from './polling';
import { benchRenderer } from './renderer';
import { benchCurve } from './scale';
import { benchCli } from './cli';
import { benchTransport } from './transport';
import { reportSimCost, startSimProcess } from './sim-process';
import type { SimProcess } from './sim-process';
import { RUNS, Results } from './support';

test.describe.configure({ mode: 'serial' });

/** BENCH_GROUPS=1,3 runs only those groups (for profiling one figure); default all. */
const only = process.env.BENCH_GROUPS?.split(',').map((g) => g.trim());
const results = new Results(undefined, only !== undefined);
const wanted = (group: string) => !only || only.includes(group);
let sim: SimProcess | null = null;
let world: FleetWorld | null = null;

test.beforeAll(async () => {
  sim = await startSimProcess();
  // What the simulated cloud costs while the groups run (reportSimCost); the fleet's load
  // starts it again, so building the world is not counted.
  await sim.startStats();
});

test.afterAll(async () => {
  await world?.main.core.dispose();
  await sim?.stop();
  const file = results.write();
  console.log(
    `\n${results.table()}\n\nload at start ${results.loadAtStart.loadAvg.join(' ')} (${results.loadAtStart.cpus} cores); written to ${file}`,
  );
});

test('1. fleet inventory at scale', async () => {
  try {
    world = await benchFleet(sim!, results);
  } catch (error) {
    results.error('1 fleet', error);
  }
  await reportSimCost(sim!, results, '1 fleet');
});

test('6. the curve: 1 to 100 accounts', async () => {
  if (!wanted('6')) return;
  // Ten refreshes of up to 4,000 calls, each BENCH_RUNS times: longer than the default timeout.
  test.setTimeout(300_000 + RUNS * 600_000);
  if (!world) return results.error('6 curve', new Error('no fleet (group 1 failed)'));
  try {
    await benchCurve(world, results);
  } catch (error) {
    results.error('6 curve', error);
  }
  // Its ~66,000 requests are where a cost in the simulated cloud that grows with the requests
  // it has served shows (issue 18: its replay guard made the sweep's order decide its figures).
  await reportSimCost(sim!, results, '6 curve');
});

test('3. checklist latency', async () => {
  if (!wanted('3')) return;
  if (!world) return results.error('3 checklist', new Error('no fleet (group 1 failed)'));
  try {
    await benchChecklist(world, results);
  } catch (error) {
    results.error('3 checklist', error);
  }
});

test('4 + 5. renderer at scale and start-up', async ({ browser }) => {
  if (!wanted('4')) return;
  if (!world) return results.error('4 renderer', new Error('no fleet (group 1 failed)'));
  // At least 5 fresh loads, 5 scrolls through every row, and an A/B when asked: on a loaded
  // machine that is longer than the default timeout.
  test.setTimeout(600_000 + RUNS * 120_000);
  // The cloud's latency is not part of what the renderer measures.
  await sim!.clearFaults();
  try {
    await benchRenderer(browser, world, results);
  } catch (error) {
    results.error('4 renderer', error);
  }
});

test('7. snapshot to the window (structured clone)', async () => {
  if (!wanted('7')) return;
  if (!world) return results.error('7 transport', new Error('no fleet (group 1 failed)'));
  try {
    await benchTransport(world, results);
  } catch (error) {
    results.error('7 transport', error);
  }
});

test('8. CLI start-up', async () => {
  if (!wanted('8')) return;
  if (!world) return results.error('8 cli', new Error('no fleet (group 1 failed)'));
  try {
    await benchCli(world, results);
  } catch (error) {
    results.error('8 cli', error);
  }
});

test('2. polling cost', async () => {
  if (!wanted('2')) return;
  try {
    await benchPolling(results);
  } catch (error) {
    results.error('2 polling', error);
  }
});
