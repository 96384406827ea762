// DescribeClustersV1 read without the SDK's response models (cloud/cs-wire.ts) must stay the SDK's
// request on the wire and read what the SDK's model would hold. A loopback server records what
// each way sends; the same answers are read both ways.
import * as $dara from '@darabonba/typescript';
import * as $Cs from '@alicloud/cs20151215';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listClusters } from '../../../electron/core/cloud/cs';
import { csSdk } from '../../../electron/core/cloud/cs-sdk';
import { clusterFromWire, clustersPageFromWire } from '../../../electron/core/cloud/cs-wire';
import { CloudError } from '../../../electron/core/cloud/errors';
import { startCaptureServer, wireSession } from '../../support/capture-server';
import type { CaptureServer, SeenRequest } from '../../support/capture-server';

let capture: CaptureServer;
let url: string;
let seen: SeenRequest[];
let answer: unknown = {};

beforeAll(async () => {
  capture = await startCaptureServer(() => answer);
  ({ url, seen } = capture);
});
afterAll(() => capture.close());
beforeEach(() => {
  seen.length = 0;
  answer = {};
});

const session = () => wireSession(url);

/** The official client's own describeClustersV1, through the same session and transport. */
async function bySdk(regionId: string, profile: string, pageNumber: number, pageSize: number) {
  const { Cs } = await csSdk();
  return session().call(
    'cs',
    'DescribeClustersV1',
    regionId,
    async (config) =>
      (
        await new Cs(config).describeClustersV1(
          new $Cs.DescribeClustersV1Request({
            clusterType: 'ManagedKubernetes',
            profile,
            regionId,
            pageNumber,
            pageSize,
          }),
        )
      ).body,
    { idempotent: true },
  );
}

/** What must be equal: everything but the per-request date, nonce and signature. */
function comparable(s: SeenRequest) {
  const headers = { ...s.headers };
  for (const h of ['x-acs-date', 'x-acs-signature-nonce', 'authorization']) {
    expect(headers[h], h).toBeTruthy();
    delete headers[h];
  }
  // The signed header list (not the signature, which covers the date and nonce).
  const signed = /SignedHeaders=([^,]+)/.exec(String(s.headers.authorization))?.[1];
  const scheme = String(s.headers.authorization).split(' ')[0];
  return { ...s, headers, signed, scheme };
}

describe('DescribeClustersV1 without the response models', () => {
  it('sends exactly what the SDK sends (method, path, query, headers, signed headers)', async () => {
    answer = { clusters: [], page_info: { page_number: 1, page_size: 50, total_count: 0 } };
    await bySdk('cn-hangzhou', 'Edge', 1, 50);
    await listClusters(session(), { regionId: 'cn-hangzhou', profile: 'Edge' });
    expect(seen).toHaveLength(2);
    const [sdk, ours] = seen.map(comparable);
    expect(sdk!.path).toBe('/api/v1/clusters');
    expect(sdk!.scheme).toBe('ACS3-HMAC-SHA256');
    expect(sdk!.headers['x-acs-security-token']).toBe('wire-test-token');
    expect(ours).toEqual(sdk);
  });

  it('reads every field we use as the SDK model holds it, whatever the JSON types', async () => {
    const entries = [
      {
        cluster_id: 'c-1',
        name: 'one',
        cluster_type: 'ManagedKubernetes',
        profile: 'Edge',
        cluster_spec: 'ack.pro.small',
        region_id: 'cn-hangzhou',
        state: 'running',
        current_version: '1.30.1-aliyun.1',
        meta_data: '{"Capabilities":{"EncryptionKMSKeyId":"key-1"}}',
        created: '2026-01-01T00:00:00+08:00',
        updated: '2026-01-02T00:00:00+08:00',
        vpc_id: 'vpc-1',
        security_group_id: 'sg-1',
        vswitch_ids: ['vsw-1', 'vsw-2'],
        tags: [{ key: 'a', value: 'b' }],
        maintenance_window: { enable: true },
        size: 3,
      },
      // Numbers and booleans where strings belong, nulls, a comma list, fields missing.
      { cluster_id: 12345, name: true, state: null, vswitch_id: 'vsw-a,vsw-b', size: '4' },
      {},
    ];
    const body = { clusters: entries, page_info: { page_number: '1', total_count: 3 } };
    const model = $dara.cast(body, new $Cs.DescribeClustersV1ResponseBody({}));
    const ours = clustersPageFromWire(body);
    expect(ours.clusters).toHaveLength(3);
    ours.clusters.forEach((cluster, i) => {
      const fromModel = Object.fromEntries(
        Object.keys(STRING_AND_LIST_FIELDS)
          .map((k) => [k, (model.clusters![i] as Record<string, unknown>)[k]])
          .filter(([, v]) => v !== undefined),
      );
      expect(cluster).toEqual(fromModel);
    });
    expect(Number(ours.pageNumber)).toBe(model.pageInfo!.pageNumber);
    expect(ours.totalCount).toBe(model.pageInfo!.totalCount);

    // And through listClusters, against the server answering that body.
    answer = body;
    const listed = await listClusters(session(), { regionId: 'cn-hangzhou', profile: 'Edge' });
    expect(listed.map((c) => c.clusterId)).toEqual(['c-1', '12345', '']);
    expect(listed[1]).toMatchObject({
      name: 'true',
      state: 'unknown',
      vswitchIds: ['vsw-a', 'vsw-b'],
    });
  });

  it('fails where the SDK fails: a field we use of a type it cannot cast', async () => {
    for (const bad of [
      { clusters: 'nope' },
      { clusters: [{ name: { x: 1 } }] },
      { clusters: [{ vswitch_ids: 'a' }] },
    ]) {
      expect(() => $dara.cast(bad, new $Cs.DescribeClustersV1ResponseBody({}))).toThrow(/mismatch/);
      expect(() => clustersPageFromWire(bad)).toThrow(/mismatch/);
      answer = bad;
      await expect(
        listClusters(session(), { regionId: 'cn-hangzhou', profile: 'Edge' }),
      ).rejects.toBeInstanceOf(CloudError);
    }
    expect(clusterFromWire({ cluster_id: 'c-x', unknown_field: { deep: [1] } })).toEqual({
      clusterId: 'c-x',
    });
  });
});

/** SdkCluster's keys (cs-wire.ts). */
const STRING_AND_LIST_FIELDS = {
  clusterId: 1,
  name: 1,
  clusterType: 1,
  profile: 1,
  clusterSpec: 1,
  regionId: 1,
  state: 1,
  currentVersion: 1,
  metaData: 1,
  created: 1,
  updated: 1,
  vpcId: 1,
  securityGroupId: 1,
  vswitchIds: 1,
  vswitchId: 1,
};
