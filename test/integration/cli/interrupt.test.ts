// Ctrl-C while `enable --wait` follows a change: the real CLI process stops following with exit
// 130 and says the change goes on; `status --wait` in a new process follows it to its end.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { assertCliBuilt, runCli, startCli } from '../../support/cli-process';
import { addDemoAccessKey } from '../../support/demo-account-args';

const SCALE = 60; // a 600 s simulated change takes 10 s
let sim: Simulator;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  assertCliBuilt();
  sim = await startSimulator({ fixture: 'demo', timeScale: SCALE });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-interrupt-'));
  env = { ACK_SG_DATA_DIR: dataDir, ACK_SG_ENDPOINT: sim.url };
  const add = addDemoAccessKey({ name: 'retail', accessKeyId: DEMO.accessKeys.retailRoot });
  const added = await runCli(add.argv, env, add.stdin);
  expect(added.code, added.stderr).toBe(0);
});

afterAll(async () => {
  await sim.stop();
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Ctrl-C while following a change', () => {
  it('exits 130, the change goes on, and status --wait follows it to the end', async () => {
    const cluster = DEMO.clusters.happy;
    const run = startCli(['enable', cluster, '--key', DEMO.keys.valid, '--wait'], env);
    // The first progress line means the cloud accepted the request and following began.
    await until(() => run.output().stdout.includes(`(${cluster})`), 60_000);
    run.child.kill('SIGINT');
    expect(await run.done).toBe(130);
    const { stderr } = run.output();
    expect(stderr).toContain('The change goes on in the cloud');
    expect(stderr).toContain(`ack-secret-guard status ${cluster} --wait`);

    const resumed = await runCli(['status', cluster, '--wait'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`enable of .* \\(${cluster}\\) succeeded after `));
  });
});
