// BENCH_AB_CORE=dir: the fleet refresh of another checkout's core (e.g. main's, from `git
// archive`, with this tree's node_modules linked into it) and of this one, alternating refresh by
// refresh in this one process, so both see the same machine load and the same simulated cloud.
// The figure compared is CPU per call (process.cpuUsage around each refresh): the refresh is
// bound by CPU in our one thread, and on a machine shared with other work CPU time moves far
// less than wall time, which is also shown.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshFolder } from './cores';
import type { Workspace } from './cores';
import { RUNS, spread, spreadNote } from './support';
import type { Results } from './support';

/** What a checkout's bench/fleet.ts timedRefresh gives (the part compared here). */
type Refresh = (
  ws: Workspace,
  limits: null,
) => Promise<{
  cpuMs: number;
  wallMs: number;
  calls: unknown[];
  bench: { core: { dispose(): Promise<void> } };
}>;

/** At least this many refreshes of each core: CPU per call varies ~10% refresh to refresh. */
const MIN_ROUNDS = 10;
const WARM_UPS = 3;

export async function compareCores(
  ws: Workspace,
  results: Results,
  group: string,
  dir: string,
  thisRefresh: Refresh,
): Promise<void> {
  // The other checkout's own bench builds its own core (its createCore, its modules) over the
  // same accounts file and keychain.
  const other = (await import(pathToFileURL(path.resolve(dir, 'bench/fleet.ts')).href)) as {
    timedRefresh: Refresh;
  };
  const sides = { other: other.timedRefresh, this: thisRefresh };
  const cpu: Record<keyof typeof sides, number[]> = { other: [], this: [] };
  const wall: Record<keyof typeof sides, number[]> = { other: [], this: [] };
  // Each core a few times before measuring: its modules load and compile on the first refresh,
  // and the optimising compiler needs more than one. With a single warm-up the same code read
  // ~8% cheaper on this side, which had run group 1's refreshes before (a run at load 9).
  for (let i = 0; i < WARM_UPS; i++)
    for (const refresh of Object.values(sides)) {
      const warm = await refresh(freshFolder(ws), null);
      await warm.bench.core.dispose();
    }
  for (let round = 0; round < Math.max(MIN_ROUNDS, RUNS); round++) {
    // Which goes first alternates too: a refresh right after another may find the loop warmer.
    const order = round % 2 === 0 ? (['other', 'this'] as const) : (['this', 'other'] as const);
    for (const which of order) {
      const run = await sides[which](freshFolder(ws), null);
      cpu[which].push(run.cpuMs / run.calls.length);
      wall[which].push(run.wallMs);
      await run.bench.core.dispose();
    }
  }
  for (const which of ['other', 'this'] as const) {
    const c = spread(cpu[which]);
    const w = spread(wall[which]);
    results.report(
      group,
      `A/B app CPU per cloud call, ${which === 'this' ? 'this build' : dir}`,
      c.median,
      'ms',
      `${cpu[which].length} refreshes alternating with the other core's; ${spreadNote(c, 'ms', 3)}; wall ${spreadNote(w)}`,
    );
  }
}
