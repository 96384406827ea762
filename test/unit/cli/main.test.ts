import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMain } from '../../support/cli-in-process';
import { cluster as summary } from '../../support/summaries';
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
            summary({
              clusterId: 'c-cached-1',
              name: 'edge-cached',
              accountName: 'prod',
              cloudAccountId: '1234567890',
              created: null,
              updated: null,
            }),
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

describe('cli output and log', () => {
  const EVIL = 'prod\u001b]0;owned\u0007\u001b[2J\rFAKE: all good\u202e\u2066gnp.exe\u009b31m';

  function journalWith(clusterName: string): string {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-cli-out-'));
    const intent = {
      v: 1,
      type: 'intent',
      opId: 'op-1',
      at: Date.parse('2026-01-01T00:00:00Z'),
      accountId: 'acc',
      accountName: `Acc${EVIL}`,
      clusterId: 'c1',
      clusterName,
      regionId: 'cn-hangzhou',
      action: 'enable',
      keyId: 'key-1',
    };
    const ended = {
      v: 1,
      type: 'ended',
      opId: 'op-1',
      at: Date.parse('2026-01-01T00:10:00Z'),
      outcome: 'failed',
      clusterState: 'running',
      error: { code: 'X', message: `cloud says ${EVIL}`, requestId: null },
    };
    writeFileSync(
      path.join(dataDir, 'operations.jsonl'),
      `${JSON.stringify(intent)}\n${JSON.stringify(ended)}\n`,
    );
    return dataDir;
  }

  it('escapes terminal controls, CR and bidi controls in cloud- and file-supplied text', async () => {
    const dataDir = journalWith(EVIL);
    const human = await cli(['--data-dir', dataDir, 'status', 'c1']);
    const all = human.out + human.err;
    expect(all).toContain('prod');
    // eslint-disable-next-line no-control-regex
    expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(all).toContain('\\u001b]0;owned\\u0007');
    expect(all).toContain('\\u000dFAKE');
    expect(all).toContain('\\u202e\\u2066');
    // JSON output stays JSON, and says exactly what is stored.
    const json = await cli(['--json', '--data-dir', dataDir, 'status', 'c1']);
    expect(json.out).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(json.out)).toMatchObject({ clusterName: EVIL });
  });

  it('writes an unexpected error to its own log in the data folder and says where', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-cli-log-'));
    // The journal is a folder: reading it fails in a way no code path expects.
    mkdirSync(path.join(dataDir, 'operations.jsonl'));
    const failed = await cli(['--data-dir', dataDir, 'status', 'c1']);
    expect(failed.code).toBe(1);
    const logFile = path.join(dataDir, 'logs', 'cli.log');
    expect(failed.err).toContain(`Details are in ${logFile}.`);
    const logged = readFileSync(logFile, 'utf8');
    expect(logged).toMatch(/ERROR unexpected error in status \(ack-secret-guard status\)/);
    expect(logged).toContain('EISDIR');
  });
});
