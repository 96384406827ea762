// New ACK Edge Pro clusters with encryption, end to end against the simulator through the
// official SDKs: preflight, the exact request, follow to running, the key in meta_data, the
// ActionTrail proof; the fallback when the cloud ignores the key; resume after a kill.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import type { ClusterSpecInput } from '../../../electron/contract';
import { provisionHarness } from '../../support/provision-harness';
import type { ProvisionHarness } from '../../support/provision-harness';

const SCALE = 300; // a 900 s simulated creation takes 3 s
let sim: Simulator;
let h: ProvisionHarness;

beforeEach(async () => {
  sim = await startSimulator({ fixture: 'demo', timeScale: SCALE });
  h = provisionHarness(sim, { timeScale: SCALE });
});
afterEach(async () => {
  await h.dispose();
  await sim.stop();
});

const spec = (over: Partial<ClusterSpecInput> = {}): ClusterSpecInput => ({
  account: 'Retail',
  regionId: 'cn-hangzhou',
  name: 'edge-site-042',
  keyId: DEMO.keys.valid,
  vpcId: 'vpc-hzdemoretail0001',
  vswitchIds: ['vsw-hzdemonewsite001'],
  ...over,
});

const journalTypes = () =>
  readFileSync(h.provision.journal.file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { type: string }).type);

describe('creating an ACK Edge Pro cluster with encryption', () => {
  it('fills defaults clear of the VPC and shows the exact body', async () => {
    const pre = await h.provision.preflight(spec());
    expect(pre.ready).toBe(true);
    // The VPC is 192.168.0.0/16, so the Service default is not 192.168.0.0/16.
    expect(pre.spec).toMatchObject({
      containerCidr: '172.20.0.0/16',
      serviceCidr: '172.21.0.0/20',
    });
    expect(pre.spec.kubernetesVersion).toBe('1.31.1-aliyun.1');
    expect(pre.request.body).toMatchObject({
      profile: 'Edge',
      cluster_spec: 'ack.pro.small',
      encryption_provider_key: DEMO.keys.valid,
      vpcid: 'vpc-hzdemoretail0001',
      vswitch_ids: ['vsw-hzdemonewsite001'],
      addons: [{ name: 'flannel' }],
    });
    expect(pre.checks.map((c) => c.status).filter((s) => s === 'fail')).toEqual([]);
  });

  it('creates, follows to running, finds the key in meta_data and proves it from ActionTrail', async () => {
    const started = await h.provision.create(spec(), 'edge-site-042');
    expect(started).toMatchObject({ phase: 'creating', clusterState: 'initial' });
    expect(started.clusterId).toMatch(/^c[0-9a-f]{32}$/);
    const final = await h.provision.waitFor(started.creationId);
    expect(final).toMatchObject({
      phase: 'ended',
      outcome: 'verified',
      clusterState: 'running',
      keyInMetaData: DEMO.keys.valid,
    });
    expect(final.proof?.status).toBe('verified');
    expect(final.proof!.encrypt).toBeGreaterThan(0);
    const cluster = sim.control.world.clusters.get(started.clusterId!);
    expect(cluster).toMatchObject({
      vpcId: 'vpc-hzdemoretail0001',
      vswitchIds: ['vsw-hzdemonewsite001'],
      clusterSpec: 'ack.pro.small',
      profile: 'Edge',
    });
    // The task's own stages were shown while it ran.
    expect(new Set(h.progress.map((p) => p.taskStage).filter(Boolean)).size).toBeGreaterThan(1);
    expect(journalTypes()[0]).toBe('intent');
    expect(journalTypes()).toContain('running');
    expect(journalTypes().at(-1)).toBe('ended');
    const { entries } = await h.audit.list({});
    expect(entries.map((e) => [e.action, e.phase, e.result])).toEqual(
      expect.arrayContaining([
        ['cluster.create', 'requested', 'accepted'],
        ['cluster.create', 'ended', 'succeeded'],
      ]),
    );
  });

  it('says so plainly when the cloud ignored the key, and offers the enable path after the cooldown', async () => {
    sim.control.addFault({ kind: 'ignoreKeyAtCreate' });
    const started = await h.provision.create(spec(), 'edge-site-042');
    const final = await h.provision.waitFor(started.creationId);
    expect(final).toMatchObject({
      outcome: 'key-missing',
      clusterState: 'running',
      keyInMetaData: null,
    });
    expect(final.error?.code).toBe('EncryptionKeyNotApplied');
    expect(final.error?.message).toMatch(/without encryption/);
    expect(Date.parse(final.fallbackAfter!)).toBeGreaterThan(Date.parse(final.endedAt!));
  });

  it('refuses without the typed name, and when the preflight fails, sending nothing', async () => {
    await expect(h.provision.create(spec(), 'edge-site-04')).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(
      h.provision.create(spec({ keyId: DEMO.keys.rotation }), 'edge-site-042'),
    ).rejects.toMatchObject({
      code: 'checklist-not-ready',
      details: { failing: ['key.rotation'] },
    });
    expect(sim.control.requestCount('cs/CreateCluster')).toBe(0);
  });

  it('records the cloud refusal with its code (quota) as rejected', async () => {
    sim.control.world.clusterQuota.set(DEMO.accounts.retail.id, 0);
    await expect(h.provision.create(spec(), 'edge-site-042')).rejects.toMatchObject({
      cloud: { cloudCode: 'QuotaExceeded.Cluster' },
    });
    const { creations } = await h.provision.list();
    expect(creations[0]).toMatchObject({
      outcome: 'rejected',
      error: { code: 'QuotaExceeded.Cluster' },
    });
  });

  it('never sends CreateCluster twice after a network error, and ends unknown when no cluster appears', async () => {
    sim.control.addFault({ kind: 'reset', product: 'cs', action: 'CreateCluster' });
    const started = await h.provision.create(spec(), 'edge-site-042');
    expect(started).toMatchObject({ phase: 'creating', clusterId: null });
    expect(started.note).toMatch(/did not come back/);
    const final = await h.provision.waitFor(started.creationId);
    expect(final).toMatchObject({ outcome: 'unknown', error: { code: 'OutcomeUnknown' } });
    expect(sim.control.requestCount('cs/CreateCluster')).toBeLessThanOrEqual(1);
    expect([...sim.control.world.clusters.values()].some((c) => c.name === 'edge-site-042')).toBe(
      false,
    );
  });

  it('a killed app resumes following the creation and ends running and verified', async () => {
    const started = await h.provision.create(spec(), 'edge-site-042');
    // Kill mid-way: the follower stops, nothing is ended in the journal.
    await h.provision.dispose();
    expect(journalTypes().at(-1)).not.toBe('ended');
    const again = provisionHarness(sim, { timeScale: SCALE, dataDir: h.dataDir });
    try {
      expect(await again.provision.resume()).toBe(1);
      const final = await again.provision.waitFor(started.creationId);
      expect(final).toMatchObject({ outcome: 'verified', clusterState: 'running' });
      expect(final.clusterId).toBe(started.clusterId);
    } finally {
      await again.dispose();
    }
  });
});

describe('preflight failures, one each', () => {
  const failing = async (over: Partial<ClusterSpecInput>) =>
    (await h.provision.preflight(spec(over))).checks.filter((c) => c.status === 'fail');

  it('spec.name: a cluster of that name exists', async () => {
    const taken = sim.control.world.clustersIn(DEMO.accounts.retail.id, 'cn-hangzhou')[0]!.name;
    expect((await failing({ name: taken })).map((c) => c.id)).toEqual(['spec.name']);
  });
  it('spec.cidrs: pod and Service CIDRs overlap', async () => {
    const f = await failing({ containerCidr: '172.20.0.0/16', serviceCidr: '172.20.0.0/20' });
    expect(f.map((c) => c.id)).toEqual(['spec.cidrs']);
    expect(f[0]!.fix?.hint).toBeTruthy();
  });
  it('network.vpc: no such VPC in the region', async () => {
    const f = await failing({ vpcId: 'vpc-doesnotexist01' });
    expect(f.map((c) => c.id)).toContain('network.vpc');
  });
  it('network.vswitches: a vSwitch of another VPC', async () => {
    const f = await failing({ vswitchIds: ['vsw-shdemoretail0001'] });
    expect(f.map((c) => c.id)).toEqual(['network.vswitches']);
  });
  it('network.freeAddresses: a vSwitch with no free address', async () => {
    sim.control.world.vswitches.get('vsw-hzdemonewsite001')!.availableIps = 0;
    expect((await failing({})).map((c) => c.id)).toEqual(['network.freeAddresses']);
  });
  it('network.cidrOverlap: the pod CIDR inside the VPC', async () => {
    const f = await failing({ containerCidr: '192.168.128.0/18', serviceCidr: '172.21.0.0/20' });
    expect(f.map((c) => c.id)).toEqual(['network.cidrOverlap']);
    expect(f[0]!.summary).toMatch(/192\.168\.0\.0\/16/);
  });
  it('cluster.version: a version not offered', async () => {
    expect((await failing({ kubernetesVersion: '1.28.9-aliyun.1' })).map((c) => c.id)).toEqual([
      'cluster.version',
    ]);
  });
  it('key.state: a disabled key', async () => {
    expect((await failing({ keyId: DEMO.keys.disabled })).map((c) => c.id)).toEqual(['key.state']);
  });
  it('key.region: a key of another region', async () => {
    const ids = (await failing({ keyId: DEMO.keys.otherRegion })).map((c) => c.id);
    expect(ids).toContain('key.exists');
  });
  it('key.spec: an RSA signing key', async () => {
    const ids = (await failing({ keyId: DEMO.keys.rsaSign })).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['key.spec', 'key.usage']));
  });
  it('key.creator: a service key', async () => {
    expect((await failing({ keyId: DEMO.keys.service })).map((c) => c.id)).toContain('key.creator');
  });
  it('role.csManagedSecurity: the service role is not authorised', async () => {
    sim.control.world.accounts
      .get(DEMO.accounts.retail.id)!
      .roles.delete('aliyuncsmanagedsecurityrole');
    expect((await failing({})).map((c) => c.id)).toEqual(['role.csManagedSecurity']);
  });
  it('network.kmsEgress: a chosen advanced security group that denies egress to 100.64.0.0/10', async () => {
    expect(await failing({ securityGroupId: 'sg-hzdemoentallow01' })).toEqual([]);
    sim.control.world.securityGroups.get('sg-hzdemoentallow01')!.egress = [];
    expect((await failing({ securityGroupId: 'sg-hzdemoentallow01' })).map((c) => c.id)).toEqual([
      'network.kmsEgress',
    ]);
  });
  it('caller.kmsCryptoAdmin: a RAM user without AliyunKMSCryptoAdminAccess', async () => {
    const f = await failing({
      account: 'Logistics',
      vpcId: 'vpc-hzdemologis0001',
      vswitchIds: ['vsw-hzdemologis0001'],
      keyId: 'key-hzz6demologistics00001',
    });
    expect(f.map((c) => c.id)).toEqual(['caller.kmsCryptoAdmin']);
  });
});
