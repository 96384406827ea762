// Two real CLI processes asked for the same change at the same moment: the checklist is slowed
// (simulator latency on KMS DescribeKey), so both are inside it together. Exactly one
// UpdateKMSEncryption reaches the cloud; the other process gets the conflict error at once.
// A second race does the same for `batch apply --id` of one batch.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { changeLockFile } from '../../../electron/core/operations/change-lock';
import { assertCliBuilt, runCli, startCli } from '../../support/cli-process';
import { addDemoAccessKey } from '../../support/demo-account-args';

let sim: Simulator;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  assertCliBuilt();
  sim = await startSimulator({ fixture: 'demo', timeScale: 60 });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-race-'));
  env = { ACK_SG_DATA_DIR: dataDir, ACK_SG_ENDPOINT: sim.url };
  const add = addDemoAccessKey({ name: 'retail', accessKeyId: DEMO.accessKeys.retailRoot });
  const added = await runCli(add.argv, env, add.stdin);
  expect(added.code, added.stderr).toBe(0);
  const listed = await runCli(['--json', 'clusters', 'list'], env);
  expect(listed.code, listed.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await sim?.stop();
});

const journal = () =>
  readFileSync(path.join(dataDir, 'operations.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { type: string; clusterId?: string });

describe('two processes, one change', () => {
  it('exactly one UpdateKMSEncryption reaches the cloud; the other process gets a conflict', async () => {
    // Every checklist's key lookup takes 3 s: both processes are inside their checklists together.
    sim.control.addFault({
      kind: 'latency',
      product: 'kms',
      action: 'DescribeKey',
      ms: 3_000,
      count: 20,
    });
    const before = sim.control.requestCount('cs/UpdateKMSEncryption');
    const args = ['enable', DEMO.clusters.happy, '--key', DEMO.keys.valid];
    const runs = [startCli(args, env), startCli(args, env)];
    const codes = await Promise.all(runs.map((r) => r.done));
    const outputs = runs.map((r) => r.output());
    sim.control.clearFaults();

    expect(sim.control.requestCount('cs/UpdateKMSEncryption') - before).toBe(1);
    expect([...codes].sort()).toEqual([0, 2]);
    const loser = outputs[codes.indexOf(2)]!;
    expect(loser.stderr).toMatch(
      /^error \(conflict\): A change of cluster .* (is being prepared|is still in progress)/m,
    );
    expect(journal().filter((r) => r.type === 'intent')).toHaveLength(1);
  }, 120_000);

  it('takes over a lock left by a process that died', async () => {
    // A pid that cannot be alive (far above pid_max), written a moment ago.
    writeFileSync(
      changeLockFile(dataDir, DEMO.clusters.happy),
      JSON.stringify({ pid: 2 ** 30, host: os.hostname(), nonce: 'dead', createdAt: Date.now() }),
    );
    // The change of the first test is still being followed in the cloud: the conflict now comes
    // from the journal, after the stale lock was taken over (not from the dead "holder").
    const again = await runCli(['enable', DEMO.clusters.happy, '--key', DEMO.keys.valid], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is still in progress/);
    expect(again.stderr).not.toMatch(/being prepared/);
  }, 120_000);
});

describe('two processes, one batch', () => {
  it('only one `batch apply --id` applies it; the other is refused at once', async () => {
    const planFile = path.join(dataDir, 'plan.json');
    writeFileSync(
      planFile,
      JSON.stringify({ action: 'disable', scope: { clusterIds: [DEMO.clusters.encrypted] } }),
    );
    const planned = await runCli(['--json', 'batch', 'plan', '--file', planFile], env);
    expect(planned.code, planned.stderr).toBe(0);
    const { batchId, counts } = JSON.parse(planned.stdout) as {
      batchId: string;
      counts: { ready: number };
    };
    expect(counts.ready).toBe(1);
    sim.control.addFault({
      kind: 'latency',
      product: 'kms',
      action: 'DescribeKey',
      ms: 2_000,
      count: 20,
    });
    const runs = [0, 1].map(() => startCli(['batch', 'apply', '--id', batchId, '--yes'], env));
    const codes = await Promise.all(runs.map((r) => r.done));
    sim.control.clearFaults();
    expect([...codes].sort()).toEqual([0, 2]);
    const loser = runs[codes.indexOf(2)]!.output();
    expect(loser.stderr).toMatch(/^error \(conflict\): Batch .* is being applied by another/m);
    expect(
      journal().filter((r) => r.type === 'intent' && r.clusterId === DEMO.clusters.encrypted),
    ).toHaveLength(1);
    // Once it ended, the lock is gone: nothing is left for a later process to trip over.
    const shown = await runCli(['--json', 'batch', 'show', batchId], env);
    expect(JSON.parse(shown.stdout)).toMatchObject({ state: 'ended', result: 'succeeded' });
    expect(existsSync(path.join(dataDir, 'batches', `${batchId}.lock`))).toBe(false);
  }, 180_000);
});
