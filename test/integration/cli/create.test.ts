// `ack-secret-guard clusters create` in-process over the real keychain and the simulator:
// --dry-run --json prints preflight, body, Terraform and aliyun command and sends nothing; a real
// create refuses without a terminal unless --yes; exit codes as for changes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../simulator';
import type { CreatePreflight } from '../../../electron/contract';
import { cliHarness } from '../../support/cli-harness';

const { cli, dataDir, sim } = cliHarness({ prefix: 'create-cli', regions: ['cn-hangzhou'] });
const specFile = (over: Record<string, unknown> = {}) => {
  const file = path.join(dataDir, `spec-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      account: 'Retail',
      regionId: 'cn-hangzhou',
      name: 'edge-cli-01',
      keyId: DEMO.keys.valid,
      vpcId: 'vpc-hzdemoretail0001',
      vswitchIds: ['vsw-hzdemonewsite001'],
      containerCidr: '172.20.0.0/16',
      serviceCidr: '172.21.0.0/20',
      ...over,
    }),
  );
  return file;
};

describe('clusters create', () => {
  it('--dry-run --json prints the preflight and the three forms of the request, and sends nothing', async () => {
    const r = await cli(['--json', 'clusters', 'create', '--file', specFile(), '--dry-run']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as CreatePreflight & { dryRun: boolean; sent: boolean };
    expect(out).toMatchObject({ dryRun: true, sent: false, ready: true });
    expect(out.checks.length).toBeGreaterThan(10);
    expect(out.request.body).toMatchObject({
      profile: 'Edge',
      encryption_provider_key: DEMO.keys.valid,
    });
    expect(out.request.terraform).toMatch(/resource "alicloud_cs_managed_kubernetes"/);
    expect(out.request.aliyunCli).toMatch(/^aliyun cs POST \/clusters /);
    expect(sim().control.requestCount('cs/CreateCluster')).toBe(0);
  });

  it('--dry-run in text shows the checks, the body, Terraform and the command', async () => {
    const r = await cli(['clusters', 'create', '--file', specFile(), '--dry-run']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/\[PASS\] key\.rotation/);
    expect(r.out).toMatch(/"encryption_provider_key"/);
    expect(r.out).toMatch(/pod_cidr = "172\.20\.0\.0\/16"/);
    expect(r.out).toMatch(/Dry run: nothing was sent\./);
  });

  it('exits 3 when the preflight fails, 2 for a bad spec naming the field', async () => {
    const notReady = await cli([
      'clusters',
      'create',
      '--file',
      specFile({ keyId: DEMO.keys.rotation }),
      '--dry-run',
    ]);
    expect(notReady.code).toBe(3);
    expect(notReady.out).toMatch(/\[FAIL\] key\.rotation/);
    const bad = await cli(['clusters', 'create', '--file', specFile({ vswitchIds: 'vsw-x' })]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/vswitchIds/);
  });

  it('refuses a real create without a terminal and without --yes, sending nothing', async () => {
    const r = await cli(['clusters', 'create', '--file', specFile()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--yes/);
    expect(sim().control.requestCount('cs/CreateCluster')).toBe(0);
  });

  it('creates with --yes and answers the creation (the cluster is being created)', async () => {
    const r = await cli(['--json', 'clusters', 'create', '--file', specFile(), '--yes']);
    expect(r.code, r.err).toBe(0);
    const view = JSON.parse(r.out) as { clusterId: string; phase: string };
    expect(view.phase).toBe('creating');
    expect(sim().control.world.clusters.get(view.clusterId)?.state).toBe('initial');
  });
});
