// `ack-secret-guard batch` in-process over the real keychain and the simulator: a PLAN.json that
// names its account by name, planned, then applied with a line per cluster and exit 0; invalid
// files exit 2 naming the field.
import { runMain } from '../../support/cli-in-process';
import { addDemoAccessKey } from '../../support/demo-account-args';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';

let sim: Simulator;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-batch-cli-'));

function cli(argv: string[], stdin = '') {
  return runMain(['--data-dir', dataDir, ...argv], { stdin });
}

function planFile(value: unknown): string {
  const file = path.join(dataDir, `plan-${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

beforeAll(async () => {
  // Fast enough that the CLI's real-time poller sees the end at its first or second look.
  sim = await startSimulator({ fixture: 'demo', port: 0, timeScale: 600 });
  const add = addDemoAccessKey({
    name: 'Retail',
    accessKeyId: DEMO.accessKeys.retailRoot,
    endpoint: sim.url,
    regions: ['cn-hangzhou'],
  });
  const added = await cli(add.argv, add.stdin);
  expect(added.code, added.err).toBe(0);
});
afterAll(async () => {
  await cli(['accounts', 'remove', 'Retail']).catch(() => undefined);
  await sim?.stop();
});

describe('ack-secret-guard batch', () => {
  it('plans from PLAN.json, then applies it with a line per cluster', async () => {
    const file = planFile({
      action: 'enable',
      keyId: DEMO.keys.valid,
      scope: { accountIds: ['retail'], onlyNotEncrypted: true },
    });
    const planned = await cli(['batch', 'plan', '--file', file]);
    expect(planned.code, planned.err).toBe(0);
    expect(planned.out).toMatch(/^Batch batch-\S+: enable with key key-hzz6demovalid000000001/);
    expect(planned.out).toContain('edge-pro-hz-plain');
    expect(planned.out).toMatch(/already encrypted \(with key-hzz6demoprotected00002\)/);
    expect(planned.out).toMatch(/1 ready, \d+ skipped\./);
    const batchId = /batch apply --id (\S+)/.exec(planned.out)![1]!;

    const shown = await cli(['--json', 'batch', 'show', batchId]);
    expect(JSON.parse(shown.out)).toMatchObject({ batchId, state: 'planned' });

    const applied = await cli(['batch', 'apply', '--id', batchId, '--yes']);
    expect(applied.code, applied.err + applied.out).toBe(0);
    expect(applied.out).toMatch(
      new RegExp(`edge-pro-hz-plain \\(${DEMO.clusters.happy}\\)  running`),
    );
    expect(applied.out).toMatch(
      new RegExp(`edge-pro-hz-plain \\(${DEMO.clusters.happy}\\)  succeeded`),
    );
    expect(applied.out).toMatch(/ended: succeeded: 1 succeeded, 0 failed/);
    expect(sim.control.cluster(DEMO.clusters.happy)?.encryption?.keyId).toBe(DEMO.keys.valid);

    const again = await cli(['batch', 'apply', '--id', batchId, '--yes']);
    expect(again).toMatchObject({ code: 2, err: expect.stringMatching(/has ended \(succeeded\)/) });
    const listed = await cli(['--json', 'batch', 'list']);
    expect(JSON.parse(listed.out).batches[0]).toMatchObject({ batchId, state: 'ended' });
  });

  it('takes a key per account and region (accounts by name) and prints the mapping', async () => {
    const file = planFile({
      action: 'enable',
      keys: [{ accountId: 'Retail', regionId: 'cn-hangzhou', keyId: 'alias/ack-secrets-hz' }],
      // A key change (the plain cluster was encrypted with this key above).
      scope: { clusterIds: [DEMO.clusters.encrypted] },
    });
    const planned = await cli(['batch', 'plan', '--file', file]);
    expect(planned.code, planned.err).toBe(0);
    expect(planned.out).toMatch(/^Batch batch-\S+: enable, a key per account and region/);
    expect(planned.out).toMatch(/ACCOUNT\s+REGION\s+CLUSTERS\s+KEY\s+KEY ID\s+FROM/);
    expect(planned.out).toMatch(
      /Retail\s+cn-hangzhou\s+1\s+alias\/ack-secrets-hz\s+key-hzz6demovalid000000001\s+keys/,
    );
    expect(planned.out).toMatch(/1 ready, 0 skipped\./);

    const unknown = await cli([
      'batch',
      'plan',
      '--file',
      planFile({
        action: 'enable',
        keys: [{ accountId: 'Nobody', regionId: 'cn-hangzhou', keyId: DEMO.keys.valid }],
      }),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/keys\[0\]\.accountId: there is no account named "Nobody"/);
  });

  it('exits 2 on an invalid file, naming the field and what is wrong', async () => {
    const cases: [unknown, RegExp][] = [
      ['{ "action": ', /is not valid JSON/],
      [{ action: 'enable' }, /keyId: enable needs a keyId/],
      [
        { action: 'enable', keyId: DEMO.keys.valid, scope: { regionIds: ['Hangzhou'] } },
        /scope\.regionIds\[0\]: not a region id like cn-hangzhou/,
      ],
      [
        { action: 'enable', keyId: DEMO.keys.valid, scope: { regions: ['cn-hangzhou'] } },
        /scope: Unrecognized key: "regions"/,
      ],
      [{ action: 'disable', keyId: DEMO.keys.valid }, /keyId: disable takes no keyId/],
      [
        { action: 'enable', keyId: DEMO.keys.valid, scope: { accountIds: ['Nobody'] } },
        /scope\.accountIds\[0\]: there is no account named "Nobody"/,
      ],
    ];
    for (const [content, message] of cases) {
      const { code, err } = await cli(['batch', 'plan', '--file', planFile(content)]);
      expect(code, err).toBe(2);
      expect(err).toMatch(message);
    }
    const missing = await cli([
      'batch',
      'apply',
      '--file',
      path.join(dataDir, 'nope.json'),
      '--yes',
    ]);
    expect(missing).toMatchObject({ code: 2, err: expect.stringMatching(/Cannot read .*ENOENT/) });
    expect((await cli(['batch', 'apply'])).code).toBe(2);
    expect(await cli(['batch', '--help'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('PLAN.json says which change to make'),
    });
  });
});
