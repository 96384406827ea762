// The bench's "simulated cloud" figures (bench/sim-process.ts reportSimCost): what the simulator
// process cost while a group ran lands in that group's rows and in the results' details.
import { describe, expect, it } from 'vitest';
import type { ServingStats } from '../../simulator';
import { reportSimCost, type SimProcess } from '../../bench/sim-process';
import { Results } from '../../bench/support';

const STATS: ServingStats = {
  requests: 800,
  windowMs: 10_000,
  servingMs: 6_000,
  cpuMs: 600,
  cpuPerRequestMs: 0.75,
  loopDelayMs: { p50: 5.1, p99: 19.5, max: 40, samples: 1_000 },
  requestMs: { p50: 160, p99: 310, max: 400 },
  peakInFlight: 160,
};

function fakeSim(stats: () => Promise<ServingStats>) {
  const sim = { starts: 0, stats, startStats: async () => void (sim.starts += 1) };
  return sim;
}

describe('reportSimCost', () => {
  it("reports the simulator's CPU per request and loop p99 in the group, then starts a new window", async () => {
    const results = new Results('/nonexistent-bench-results');
    results.report('1 fleet', 'app CPU per cloud call, shipped defaults', 2.5, 'ms');
    const sim = fakeSim(async () => STATS);
    await reportSimCost(sim as unknown as SimProcess, results, '1 fleet');
    const cpu = results.figures.find((f) => f.name === 'simulated cloud CPU per request')!;
    expect(cpu).toMatchObject({ group: '1 fleet', value: 0.75, unit: 'ms' });
    expect(cpu.note).toContain('800 requests');
    expect(cpu.note).toContain("0.30x the app's CPU per call");
    const loop = results.figures.find((f) => f.name === 'simulated cloud loop p99')!;
    expect(loop).toMatchObject({ group: '1 fleet', value: 19.5, unit: 'ms' });
    expect(loop.note).toContain('a request took p50 160, p99 310 ms here');
    expect(results.details.simulatedCloud).toEqual({ '1 fleet': STATS });
    expect(sim.starts).toBe(1);
    expect(results.table()).toMatch(/simulated cloud CPU per request\s+\|\s+\| 0\.75 ms/);
  });

  it('a simulator that does not answer is an ERROR row of the group, not a broken run', async () => {
    const results = new Results('/nonexistent-bench-results');
    const sim = fakeSim(() => Promise.reject(new Error('simulator GET /stats: 409')));
    await reportSimCost(sim as unknown as SimProcess, results, '1 fleet');
    expect(results.figures).toMatchObject([{ group: '1 fleet', name: 'ERROR', pass: false }]);
  });
});
