// 8. CLI start-up: the built command line as a user runs it (a fresh `node` process each time),
// as a ratio to `node -e 0` measured in the same run, so the machine's speed and load cancel
// out. `check` is not timed here: it needs credentials from the OS keychain, and the bench's
// accounts live in an in-memory one (test/integration/cli/startup.test.ts shows which SDKs each
// command loads).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FleetWorld } from './fleet';
import { RUNS, spread, spreadNote } from './support';
import type { Results, Spread } from './support';

const CLI = path.resolve('out/cli/index.js');

function timed(args: string[], env: NodeJS.ProcessEnv = {}): { ms: number; code: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
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
    const s = runs(args);
    const note = `${(s.median / baseline.median).toFixed(2)}x node -e 0; ${spreadNote(s)}`;
    if (limitMs !== null)
      results.check(group, name, s.median, 'ms', limitMs, `< ${limitMs} ms`, { note });
    else results.report(group, name, s.median, 'ms', note);
    results.details[`cli ${name}`] = { ...s, ratioToNode: s.median / baseline.median };
  }
}
