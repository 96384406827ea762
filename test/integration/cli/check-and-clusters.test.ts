// `ack-secret-guard check --json` and `clusters list` in-process over the real keychain and the
// simulator: every check result carries `evidence` and `fix` (null when there is none), and a
// cluster whose encryption the cloud did not tell is "unknown" (text) and `enabled: null` (JSON).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../electron/contract';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { runMain } from '../../support/cli-in-process';
import { addDemoAccessKey } from '../../support/demo-account-args';

let sim: Simulator;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-check-cli-'));
const cli = (argv: string[], stdin = '') => runMain(['--data-dir', dataDir, ...argv], { stdin });

beforeAll(async () => {
  sim = await startSimulator({ fixture: 'demo', port: 0 });
  const add = addDemoAccessKey({
    name: 'Retail',
    accessKeyId: DEMO.accessKeys.retailRoot,
    endpoint: sim.url,
    regions: ['cn-hangzhou', 'cn-shenzhen'],
  });
  const added = await cli(add.argv, add.stdin);
  expect(added.code, added.err).toBe(0);
});
beforeEach(() => sim.control.clearFaults());
afterAll(async () => {
  await cli(['accounts', 'remove', 'Retail']).catch(() => undefined);
  await sim?.stop();
});

// First: the snapshot a later listing reuses is made here.
describe('clusters list', () => {
  it('says unknown (text) and enabled: null (JSON) where neither the list nor the detail tells', async () => {
    sim.control.addFault({
      kind: 'error500',
      product: 'cs',
      action: 'DescribeClusterDetail',
      rate: 1,
      status: 403,
      code: 'Forbidden.RAM',
    });
    const json = await cli(['--json', 'clusters', 'list']);
    expect(json.code, json.err).toBe(0);
    const clusters = (
      JSON.parse(json.out) as {
        clusters: { clusterId: string; encryption: { enabled: boolean | null } }[];
      }
    ).clusters;
    const enabledOf = (id: string) => clusters.find((c) => c.clusterId === id)?.encryption.enabled;
    expect(enabledOf(DEMO.clusters.encrypted)).toBeNull();
    expect(enabledOf(DEMO.clusters.blockedAcl)).toBeNull();
    expect(enabledOf(DEMO.clusters.happy)).toBe(false);

    const text = await cli(['clusters', 'list']);
    const line = (id: string) => text.out.split('\n').find((l) => l.startsWith(id)) ?? '';
    expect(line(DEMO.clusters.encrypted)).toMatch(/\bunknown\s*$/);
    expect(line(DEMO.clusters.happy)).toMatch(/\boff\s*$/);

    // Once the detail can be read, the same clusters show what they are.
    sim.control.clearFaults();
    const fixed = await cli(['clusters', 'list']);
    expect(fixed.out.split('\n').find((l) => l.startsWith(DEMO.clusters.encrypted))).toMatch(
      new RegExp(`on \\(${DEMO.keys.protectedInUse}\\)`),
    );
  });

  it('says first, in text and JSON, when nothing could be refreshed, and exits 4', async () => {
    const first = await cli(['--json', 'clusters', 'list']);
    expect(first.code, first.err).toBe(0);
    const listedAt = (JSON.parse(first.out) as { fetchedAt: string }).fetchedAt;
    expect(JSON.parse(first.out)).toMatchObject({ stale: false, askedAt: listedAt });

    // The cloud answers nothing about clusters now (the region list is cached or the account's).
    sim.control.addFault({
      kind: 'error500',
      product: 'cs',
      action: 'DescribeClustersV1',
      rate: 1,
      status: 503,
      code: 'ServiceUnavailable',
    });
    const json = await cli(['--json', 'clusters', 'list']);
    expect(json.code, json.err).toBe(4);
    const answer = JSON.parse(json.out) as {
      stale: boolean;
      fetchedAt: string;
      askedAt: string;
      clusters: unknown[];
      failures: unknown[];
    };
    expect(answer.stale).toBe(true);
    expect(answer.fetchedAt).toBe(listedAt); // the rows' own time, not "now"
    expect(answer.askedAt > listedAt).toBe(true);
    expect(answer.clusters.length).toBeGreaterThan(0);
    expect(answer.failures).toHaveLength(2);

    const text = await cli(['clusters', 'list']);
    expect(text.code).toBe(4);
    const firstLines = text.err.split('\n');
    expect(firstLines[0]).toMatch(/^failed: Retail cn-/);
    expect(text.err).toContain('STALE: nothing could be refreshed now');
    expect(text.out).toMatch(/clusters, listed from \d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d/);

    // One region back: the other's rows are still marked as old, and the listing succeeds.
    sim.control.clearFaults();
    sim.control.addFault({
      kind: 'error500',
      product: 'cs',
      action: 'DescribeClustersV1',
      regionId: 'cn-shenzhen',
      rate: 1,
      status: 503,
      code: 'ServiceUnavailable',
    });
    const partial = await cli(['--json', 'clusters', 'list']);
    expect(partial.code, partial.err).toBe(0);
    expect(JSON.parse(partial.out)).toMatchObject({ stale: true, fetchedAt: listedAt });
    const hangzhou = await cli(['--json', 'clusters', 'list', '--region', 'cn-hangzhou']);
    expect(JSON.parse(hangzhou.out)).toMatchObject({ stale: false });
  });
});

describe('check --json', () => {
  it('gives every check its evidence and its fix, null when there is none', async () => {
    const listed = await cli(['clusters', 'list']);
    expect(listed.code, listed.err).toBe(0);
    const result = await cli(['--json', 'check', DEMO.clusters.happy, '--key', DEMO.keys.valid]);
    expect(result.code, result.err).toBe(0);
    const list = JSON.parse(result.out) as { checks: Record<string, unknown>[] };
    expect(list.checks.map((c) => c.id)).toEqual(
      CHECK_IDS.filter((id) => list.checks.some((c) => c.id === id)),
    );
    expect(list.checks.length).toBeGreaterThan(10);
    for (const check of list.checks) {
      expect(Object.keys(check), String(check.id)).toEqual(
        expect.arrayContaining(['id', 'status', 'summary', 'evidence', 'fix']),
      );
      expect(typeof check.evidence, String(check.id)).toBe('object');
      expect(check.evidence, String(check.id)).not.toBeNull();
      expect(check.fix === null || typeof check.fix === 'object', String(check.id)).toBe(true);
    }
    const byId = new Map(list.checks.map((c) => [c.id, c]));
    expect(byId.get('cluster.state')).toMatchObject({ status: 'pass', fix: null });
    expect(byId.get('key.deletionProtection')).toMatchObject({
      status: 'warn',
      fix: { action: 'enable-deletion-protection' },
    });
  });
});
