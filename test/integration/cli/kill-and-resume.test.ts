// A change started by the CLI, whose process is killed with SIGKILL right after the request, is
// picked up by the next start (here a core in this process) and followed to its end: nothing lost
// or duplicated in the journal and the audit log.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { createCore } from '../../../electron/core/service';
import { scaledClock } from '../../../electron/core/util/clock';
import { assertCliBuilt, runCli, startCli } from '../../support/cli-process';
import { addDemoAccessKey } from '../../support/demo-account-args';

const SCALE = 60; // a 600 s simulated change takes 10 s
let sim: Simulator;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  assertCliBuilt();
  sim = await startSimulator({ fixture: 'demo', timeScale: SCALE });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-kill-'));
  env = { ACK_SG_DATA_DIR: dataDir, ACK_SG_ENDPOINT: sim.url };
  const add = addDemoAccessKey({ name: 'retail', accessKeyId: DEMO.accessKeys.retailRoot });
  const added = await runCli(add.argv, env, add.stdin);
  expect(added.code, added.stderr).toBe(0);
});

afterAll(async () => {
  await sim.stop();
});

const lines = (file: string) =>
  readFileSync(path.join(dataDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a change survives its process being killed', () => {
  it('resumes polling after SIGKILL and ends correctly, with nothing lost or duplicated', async () => {
    const listed = await runCli(['--json', 'clusters', 'list', '--region', 'cn-hangzhou'], env);
    expect(listed.code, listed.stderr).toBe(0);

    const run = startCli(['enable', DEMO.clusters.happy, '--key', DEMO.keys.valid, '--wait'], env);
    const journalHas = (type: string) => {
      try {
        return lines('operations.jsonl').some((r) => r.type === type);
      } catch {
        return false;
      }
    };
    await until(() => journalHas('requested'), 30_000);
    run.child.kill('SIGKILL');
    expect(await run.done).toBeNull(); // killed, not exited
    expect(journalHas('ended')).toBe(false);

    // The next start picks it up.
    const core = createCore({
      dataDir,
      version: 'test',
      env,
      clockFor: () => scaledClock(SCALE, () => sim.control.now()),
    });
    try {
      expect(await core.operations.resume()).toBe(1);
      const [pending] = (await core.api['operations.list']({ activeOnly: true })).operations;
      const final = await core.operations.waitFor(pending!.operationId);
      expect(final).toMatchObject({ outcome: 'succeeded', clusterId: DEMO.clusters.happy });
    } finally {
      await core.dispose();
    }

    const journal = lines('operations.jsonl');
    expect(journal.filter((r) => r.type === 'intent')).toHaveLength(1);
    expect(journal.filter((r) => r.type === 'requested')).toHaveLength(1);
    expect(journal.filter((r) => r.type === 'ended')).toEqual([
      expect.objectContaining({ outcome: 'succeeded' }),
    ]);
    const audit = lines('audit.jsonl');
    expect(audit.map((e) => `${e.action}:${e.phase}:${e.result}`)).toEqual([
      'encryption.enable:requested:accepted',
      'encryption.enable:ended:succeeded',
    ]);
    expect(sim.control.cluster(DEMO.clusters.happy)?.encryption).toMatchObject({
      keyId: DEMO.keys.valid,
    });

    // And the CLI tells the same story afterwards.
    const status = await runCli(['--json', 'status', DEMO.clusters.happy], env);
    expect(JSON.parse(status.stdout)).toMatchObject({ outcome: 'succeeded' });
    const audited = await runCli(['--json', 'audit', '--cluster', DEMO.clusters.happy], env);
    expect(JSON.parse(audited.stdout).entries).toHaveLength(2);
  });
});
