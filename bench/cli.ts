// 8. CLI start-up: the built command line as a user runs it (a fresh `node` process each time),
// as a ratio to `node -e 0` measured in the same run, so the machine's speed and load cancel
// out. `check` runs against the demo world of a second simulated cloud, its AccessKey in a
// private Secret Service (bench/cli-keyring.ts), as a user's check runs
// (test/integration/cli/startup.test.ts shows which SDKs each command loads).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO } from '../simulator';
import { addDemoAccessKey } from '../test/support/demo-account-args';
import { startPrivateKeyring } from './cli-keyring';
import type { FleetWorld } from './fleet';
import { startSimProcess } from './sim-process';
import { RUNS, spread, spreadNote } from './support';
import type { Results, Spread } from './support';

const CLI = path.resolve('out/cli/index.js');

function timed(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  input?: string,
): { ms: number; code: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    ...(input === undefined ? {} : { input }),
  });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return { ms, code: r.status };
}

/** RUNS timings (at least 5: one start-up is short and noisy). */
function runs(args: string[], env: NodeJS.ProcessEnv = {}): Spread {
  const n = Math.max(5, RUNS);
  timed(args, env); // warm the OS file cache
  return spread(Array.from({ length: n }, () => timed(args, env).ms));
}

export async function benchCli(world: FleetWorld, results: Results): Promise<void> {
  const group = '8 cli';
  if (!existsSync(CLI)) throw new Error('out/cli/index.js is missing: run `npm run build`.');
  const baseline = runs(['-e', '0']);
  results.report(group, 'node -e 0', baseline.median, 'ms', spreadNote(baseline));
  const dataDir = world.ws.dataDir;
  const cases: [string, string[], number | null][] = [
    ['--version', [CLI, '--version'], 300],
    ['--help', [CLI, '--help'], 300],
    [
      `clusters list --cached (${world.snapshot.clusters.length} clusters)`,
      [CLI, '--data-dir', dataDir, '--json', 'clusters', 'list', '--cached'],
      null,
    ],
  ];
  for (const [name, args, limitMs] of cases) {
    const s: Spread = runs(args);
    const note = `${(s.median / baseline.median).toFixed(2)}x node -e 0; ${spreadNote(s)}`;
    if (limitMs !== null)
      results.check(group, name, s.median, 'ms', limitMs, `< ${limitMs} ms`, { note });
    else results.report(group, name, s.median, 'ms', note);
    results.details[`cli ${name}`] = { ...s, ratioToNode: s.median / baseline.median };
  }
  await benchCheck(results, baseline);
}

/** Cloud calls per check: the simulator's request counters before and after, over the checks. */
const calls = (before: Record<string, number>, after: Record<string, number>, checks: number) =>
  Math.round(Object.entries(after).reduce((n, [k, v]) => n + v - (before[k] ?? 0), 0) / checks);

/** `check CLUSTER --key KEY` of the demo's happy cluster: start-up, SDKs, the cloud's answers. */
async function benchCheck(results: Results, baseline: Spread): Promise<void> {
  const sim = await startSimProcess();
  const keyring = await startPrivateKeyring();
  try {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-bench-check-'));
    const cli = (args: string[]) => [CLI, '--data-dir', dataDir, ...args];
    const add = addDemoAccessKey({
      name: 'Retail',
      accessKeyId: DEMO.accessKeys.retailRoot,
      endpoint: sim.url,
      regions: ['cn-hangzhou'],
    });
    timed(cli(add.argv), keyring.env, add.stdin);
    // check finds the cluster in the stored snapshot, as after a user's first `clusters list`.
    timed(cli(['clusters', 'list']), keyring.env);
    const name = 'check CLUSTER --key KEY (demo cluster, simulated cloud)';
    const before = await sim.requests();
    const s: Spread = runs(
      cli(['--json', 'check', DEMO.clusters.happy, '--key', DEMO.keys.valid]),
      keyring.env,
    );
    results.report(
      '8 cli',
      name,
      s.median,
      'ms',
      `${(s.median / baseline.median).toFixed(2)}x node -e 0; ${spreadNote(s)}; ${calls(before, await sim.requests(), s.runs.length + 1)} cloud calls per check, loopback, no latency injected`,
    );
    results.details[`cli ${name}`] = { ...s, ratioToNode: s.median / baseline.median };
  } finally {
    keyring.stop();
    await sim.stop();
  }
}
