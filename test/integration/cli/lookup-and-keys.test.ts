// The CLI over the real keychain and the simulator: keys named in every form KMS accepts, and
// clusters the last fleet snapshot does not have (one created since, a Basic one, an unknown
// id) answered properly, with the exit codes scripts rely on.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { runMain } from '../../support/cli-in-process';
import { addDemoAccessKey } from '../../support/demo-account-args';

let sim: Simulator;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-cli-lookup-'));
const ADDED = 'c0ffee00000000000000000000000bb02';
const UNKNOWN = 'c0000000000000000000000000000dead';

const cli = (argv: string[], stdin = '') => runMain(['--data-dir', dataDir, ...argv], { stdin });

beforeAll(async () => {
  sim = await startSimulator({ fixture: 'demo', port: 0, timeScale: 600 });
  const add = addDemoAccessKey({
    name: 'Retail',
    accessKeyId: DEMO.accessKeys.retailRoot,
    endpoint: sim.url,
    regions: ['cn-hangzhou'],
  });
  const added = await cli(add.argv, add.stdin);
  expect(added.code, added.err).toBe(0);
  // The snapshot: cn-hangzhou's Edge Pro clusters only.
  expect((await cli(['clusters', 'list'])).code).toBe(0);
});
afterAll(async () => {
  await cli(['accounts', 'remove', 'Retail']).catch(() => undefined);
  await sim?.stop();
});

describe('keys in every form', () => {
  it('takes a key id of the UUID form', async () => {
    const r = await cli(['check', DEMO.clusters.happy, '--key', DEMO.keys.uuid]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain(`with ${DEMO.keys.uuid}: ready`);
  });

  it('shows an alias with the key id it names', async () => {
    const r = await cli(['check', DEMO.clusters.happy, '--key', 'alias/ack-secrets-hz']);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain(`with alias/ack-secrets-hz (${DEMO.keys.valid}): ready`);
  });

  it('refuses what is no key, saying which forms it takes', async () => {
    const r = await cli(['check', DEMO.clusters.happy, '--key', 'my-key']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a KMS key id, alias or key ARN');
    expect(r.err).toContain('alias/');
  });
});

describe('clusters the last fleet snapshot does not have', () => {
  it('created since, in a region not listed: checked and enabled with an alias', async () => {
    const r = await fetch(`${sim.url}/__sim/clusters`, {
      method: 'POST',
      body: JSON.stringify({
        accountId: DEMO.accounts.retail.id,
        cluster: { id: ADDED, name: 'created-later', regionId: 'cn-shanghai' },
      }),
    });
    expect(r.status).toBe(200);
    const checked = await cli(['check', ADDED, '--key', 'alias/ack-secrets-sh']);
    expect(checked.code, checked.out + checked.err).toBe(0);
    expect(checked.out).toContain(
      `enable ${ADDED} with alias/ack-secrets-sh (${DEMO.keys.otherRegion}): ready`,
    );
    const enabled = await cli(['enable', ADDED, '--key', 'alias/ack-secrets-sh', '--wait']);
    expect(enabled.code, enabled.out + enabled.err).toBe(0);
    expect(enabled.out).toContain(
      `key alias/ack-secrets-sh is ${DEMO.keys.otherRegion} in cn-shanghai; sent the key id.`,
    );
    expect(enabled.out).toMatch(/ended: succeeded/);
    expect(sim.control.cluster(ADDED)?.encryption?.keyId).toBe(DEMO.keys.otherRegion);
  });

  it('a Basic cluster: not ready because of its edition (exit 3)', async () => {
    const checked = await cli(['check', DEMO.clusters.edgeBasic, '--key', DEMO.keys.valid]);
    expect(checked.code, checked.out + checked.err).toBe(3);
    expect(checked.out).toMatch(/\[FAIL\] cluster\.edition/);
    const enabled = await cli(['enable', DEMO.clusters.edgeBasic, '--key', DEMO.keys.valid]);
    expect(enabled.code, enabled.out + enabled.err).toBe(3);
    expect(enabled.err).toContain('cluster.edition');
    // disable needs --yes without a terminal (names-and-safety.test.ts has the refusal).
    const disabled = await cli(['disable', DEMO.clusters.edgeBasic, '--yes']);
    expect(disabled.code, disabled.out + disabled.err).toBe(3);
    const status = await cli(['status', DEMO.clusters.edgeBasic]);
    expect(status.code, status.out + status.err).toBe(0);
    expect(status.out).toContain('is recorded. edge-basic cluster in cn-hangzhou (Retail)');
  });

  it.each([
    ['check', UNKNOWN, '--disable'],
    ['enable', UNKNOWN, '--key', DEMO.keys.valid],
    ['disable', UNKNOWN, '--yes'],
    ['status', UNKNOWN],
    ['verify', UNKNOWN],
  ])('an unknown id: %s says not found, exit 4', async (...argv) => {
    const r = await cli(argv);
    expect(r.code, r.out + r.err).toBe(4);
    expect(r.err).toContain(`error (cloud): Cluster ${UNKNOWN} was not found in account Retail`);
  });
});
