// The cluster checks over an in-memory CheckContext: edition, state, the 5-minute cooldown after
// an encryption change, and whether the change means anything. Every status each can return.
import { describe, expect, it } from 'vitest';
import {
  COOLDOWN_MS,
  clusterCooldown,
  clusterEdition,
  clusterEncryption,
  clusterState,
} from '../../../electron/core/checks/cluster';
import { editionOf, supportsSecretEncryption } from '../../../electron/core/checks/edition';
import type { TrailEvent } from '../../../electron/core/cloud/actiontrail';
import { FakeContext, cloudError } from './fake-context';
import type { Script } from './fake-context';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const meta = (caps: Record<string, string>) => JSON.stringify({ Capabilities: caps });
const ctx = (script: Script, input = {}) => new FakeContext(script, { now: NOW, ...input });

describe('the edition rule', () => {
  it.each([
    ['ManagedKubernetes', 'Edge', 'ack.pro.small', 'edge-pro', true],
    ['ManagedKubernetes', 'Edge', 'ack.standard', 'edge-basic', false],
    ['ManagedKubernetes', 'Default', 'ack.pro.small', 'ack-pro', true],
    ['ManagedKubernetes', '', 'ack.pro.small', 'ack-pro', true],
    ['ManagedKubernetes', 'Default', 'ack.standard', 'ack-basic', false],
    ['ManagedKubernetes', 'Serverless', 'ack.pro.small', 'other', false],
    ['Kubernetes', 'Edge', 'ack.pro.small', 'other', false],
  ])('%s / %s / %s is %s (encryptable: %s)', (type, profile, spec, edition, ok) => {
    expect(editionOf(type, profile, spec)).toBe(edition);
    expect(supportsSecretEncryption(editionOf(type, profile, spec))).toBe(ok);
  });
});

describe('cluster.edition', () => {
  it('passes Edge Pro and ACK Pro', async () => {
    expect((await clusterEdition(ctx({ cluster: {} }))).summary).toContain('ACK Edge Pro');
    const pro = await clusterEdition(ctx({ cluster: { profile: 'Default' } }));
    expect(pro.status).toBe('pass');
    expect(pro.summary).toContain('ACK Pro');
  });
  it('fails a Basic cluster, with the upgrade as the fix', async () => {
    const r = await clusterEdition(ctx({ cluster: { clusterSpec: 'ack.standard' } }));
    expect(r.status).toBe('fail');
    expect(r.fix?.hint).toContain('Upgrade');
  });
  it('is unknown when the cluster cannot be read', async () => {
    expect((await clusterEdition(ctx({ cluster: cloudError('network') }))).status).toBe('unknown');
  });
});

describe('cluster.state', () => {
  it('passes a running cluster', async () => {
    expect((await clusterState(ctx({ cluster: {} }))).status).toBe('pass');
  });
  it.each([
    ['updating', 'Wait for the current update'],
    ['updating_failed', 'The last update of the cluster failed'],
    ['stopped', 'Bring the cluster back to running'],
  ])('fails a %s cluster, saying what to do', async (state, hint) => {
    const r = await clusterState(ctx({ cluster: { state } }));
    expect(r.status).toBe('fail');
    expect(r.fix?.hint).toContain(hint);
  });
  it('is unknown when the cluster cannot be read', async () => {
    expect((await clusterState(ctx({ cluster: cloudError('throttled') }))).status).toBe('unknown');
  });
});

describe('cluster.encryption', () => {
  const on = (keyId: string) => meta({ EncryptionKMSKeyId: keyId, DisableEncryption: 'false' });
  it('enable: passes a cluster not encrypted', async () => {
    expect((await clusterEncryption(ctx({ cluster: {} }))).status).toBe('pass');
  });
  it('enable: fails when already encrypted with the same key', async () => {
    expect((await clusterEncryption(ctx({ cluster: { metaData: on('key-1') } }))).status).toBe(
      'fail',
    );
  });
  it('enable: warns that another key is replaced', async () => {
    const r = await clusterEncryption(ctx({ cluster: { metaData: on('key-old') } }));
    expect(r.status).toBe('warn');
    expect(r.summary).toContain('changes the key');
  });
  it('disable: passes an encrypted cluster, fails one already off', async () => {
    const disable = { action: 'disable' as const, keyId: null };
    expect(
      (await clusterEncryption(ctx({ cluster: { metaData: on('key-1') } }, disable))).status,
    ).toBe('pass');
    expect((await clusterEncryption(ctx({ cluster: {} }, disable))).status).toBe('fail');
  });
  it('warns (never passes) when meta_data does not say', async () => {
    for (const metaData of [null, '', JSON.stringify({ KubernetesVersion: '1.30' })])
      expect((await clusterEncryption(ctx({ cluster: { metaData } }))).status).toBe('warn');
  });
  it('is unknown when the cluster cannot be read', async () => {
    expect((await clusterEncryption(ctx({ cluster: cloudError('network') }))).status).toBe(
      'unknown',
    );
  });
});

describe('cluster.cooldown', () => {
  const record = (at: string): TrailEvent => ({
    eventId: 'ev-1',
    eventName: 'UpdateKMSEncryption',
    eventTime: at,
    serviceName: 'CS',
    acsRegion: 'cn-hangzhou',
    requestId: 'req-change',
    userIdentity: { type: null, userName: null, principalId: null },
    requestParameters: { ClusterId: 'c-1' },
    resourceName: null,
    errorCode: null,
  });
  const old = { updated: ago(60 * 60_000) };

  it('passes when nothing changed in the last 5 minutes', async () => {
    const r = await clusterCooldown(ctx({ cluster: old }));
    expect(r.status).toBe('pass');
  });
  it('fails while our journal says a change ended under 5 minutes ago', async () => {
    const r = await clusterCooldown(ctx({ cluster: old }, { lastChangeEndedAt: NOW - 2 * 60_000 }));
    expect(r.status).toBe('fail');
    expect(r.evidence).toMatchObject({ source: 'journal', waitSeconds: 180 });
  });
  it('passes once the journal change is more than 5 minutes old', async () => {
    const r = await clusterCooldown(
      ctx({ cluster: old }, { lastChangeEndedAt: NOW - COOLDOWN_MS - 1 }),
    );
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('more than 5 minutes ago');
  });
  it('fails on an ActionTrail change record followed by the cluster update, recently', async () => {
    const r = await clusterCooldown(
      ctx({ cluster: { updated: ago(60_000) }, records: [record(ago(10 * 60_000))] }),
    );
    expect(r.status).toBe('fail');
    expect(r.evidence.source).toBe('actiontrail');
  });
  it('only warns on a recent cluster update without a record (it may be another change)', async () => {
    const r = await clusterCooldown(ctx({ cluster: { updated: ago(60_000) } }));
    expect(r.status).toBe('warn');
  });
  it('warns on a task that ended recently', async () => {
    const task = {
      taskId: 't-1',
      taskType: 'cluster_scaleout',
      state: 'success',
      created: ago(3 * 60_000),
      updated: ago(2 * 60_000),
      errorCode: null,
      errorMessage: null,
    };
    expect((await clusterCooldown(ctx({ cluster: old, tasks: [task] }))).status).toBe('warn');
  });
  it('is unknown when the cluster cannot be read and nothing else blocks', async () => {
    expect((await clusterCooldown(ctx({ cluster: cloudError('network') }))).status).toBe('unknown');
  });
  it('the journal still blocks when the cluster cannot be read', async () => {
    const r = await clusterCooldown(
      ctx({ cluster: cloudError('network') }, { lastChangeEndedAt: NOW - 60_000 }),
    );
    expect(r.status).toBe('fail');
  });
  it('waits in real time when the cloud runs faster (scaled clock)', async () => {
    // A record and update 2 simulated minutes ago, the cloud 60x faster: 3 simulated minutes
    // remain, which is 3 real seconds.
    const cloudNow = NOW;
    const r = await clusterCooldown(
      ctx(
        { cluster: { updated: ago(2 * 60_000) }, records: [record(ago(3 * 60_000))] },
        { cloudClock: { scale: 60, cloudNow: () => cloudNow } },
      ),
    );
    expect(r.status).toBe('fail');
    expect(r.evidence.waitSeconds).toBe(3);
  });
});
