import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMain } from '../../support/cli-in-process';
import { describe, expect, it } from 'vitest';

function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  return runMain(argv, { env });
}

describe('cli', () => {
  it('prints app info as JSON for machines', async () => {
    const { code, out } = await cli(['--json', '--data-dir', '/tmp/ack-sg-cli', 'info']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ dataDir: '/tmp/ack-sg-cli', name: 'ACK Secret Guard' });
  });

  it('uses ACK_SG_DATA_DIR when no --data-dir is given', async () => {
    const { out } = await cli(['info', '--json'], { ACK_SG_DATA_DIR: '/tmp/from-env' });
    expect(JSON.parse(out).dataDir).toBe('/tmp/from-env');
  });

  it('exits 2 with the usage on an unknown command or none', async () => {
    expect(await cli(['frobnicate'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown command'),
    });
    expect(await cli([])).toMatchObject({ code: 2, err: expect.stringContaining('Usage:') });
    expect(await cli(['--help'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('Usage:'),
    });
  });
});

describe('clusters list --cached', () => {
  const snapshotIn = (dir: string) =>
    writeFileSync(
      path.join(dir, 'fleet-snapshot.json'),
      JSON.stringify({
        schemaVersion: 1,
        snapshot: {
          fetchedAt: '2026-01-01T00:00:00.000Z',
          stale: false,
          includeAckPro: false,
          clusters: [
            {
              clusterId: 'c-cached-1',
              name: 'edge-cached',
              accountId: 'acc-1',
              accountName: 'prod',
              cloudAccountId: '1234567890',
              regionId: 'cn-hangzhou',
              clusterType: 'ManagedKubernetes',
              profile: 'Edge',
              clusterSpec: 'ack.pro.small',
              edition: 'edge-pro',
              state: 'running',
              kubernetesVersion: '1.30.1-aliyun.1',
              created: null,
              updated: null,
              vpcId: null,
              securityGroupId: null,
              vswitchIds: [],
              encryption: { posture: 'not-encrypted', enabled: false, keyId: null },
              key: null,
            },
          ],
          failures: [],
        },
      }),
    );

  it('prints the stored snapshot without asking the cloud', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-cached-'));
    snapshotIn(dir);
    const { code, out } = await cli(['--json', '--data-dir', dir, 'clusters', 'list', '--cached']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      fetchedAt: '2026-01-01T00:00:00.000Z',
      clusters: [{ clusterId: 'c-cached-1', account: 'prod', encryption: { enabled: false } }],
    });
  });

  it('says how to get a snapshot when there is none, and refuses --include-ack-pro', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-cached-'));
    expect(await cli(['--data-dir', dir, 'clusters', 'list', '--cached'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('without --cached'),
    });
    expect(
      await cli(['--data-dir', dir, 'clusters', 'list', '--cached', '--include-ack-pro']),
    ).toMatchObject({ code: 2, err: expect.stringContaining('--cached') });
  });
});
