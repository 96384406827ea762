// Small builders for the contract's summaries: a fleet row (ClusterSummary) and a KMS key
// (KmsKeySummary), for the renderer's component tests and the core's unit tests alike.
import type { ClusterSummary, KmsKeySummary } from '../../electron/contract';
import { keyRecommendation } from '../../electron/contract/key-recommendation';

export function cluster(over: Partial<ClusterSummary> & { name: string }): ClusterSummary {
  return {
    clusterId: `c-${over.name}`,
    accountId: 'acc-1',
    accountName: 'Retail',
    cloudAccountId: '1000000000000001',
    regionId: 'cn-hangzhou',
    clusterType: 'ManagedKubernetes',
    profile: 'Edge',
    clusterSpec: 'ack.pro.small',
    edition: 'edge-pro',
    state: 'running',
    kubernetesVersion: '1.30.1-aliyun.1',
    created: '2026-01-01T00:00:00Z',
    updated: '2026-02-01T00:00:00Z',
    vpcId: null,
    securityGroupId: null,
    vswitchIds: [],
    encryption: { posture: 'not-encrypted', enabled: false, keyId: null },
    key: null,
    ...over,
  };
}

export function key(over: Partial<KmsKeySummary> & { keyId: string }): KmsKeySummary {
  const summary: Omit<KmsKeySummary, 'recommendation'> = {
    arn: `acs:kms:cn-hangzhou:1:key/${over.keyId}`,
    regionId: 'cn-hangzhou',
    aliases: [],
    keySpec: 'Aliyun_AES_256',
    keyUsage: 'ENCRYPT/DECRYPT',
    keyState: 'Enabled',
    automaticRotation: 'Disabled',
    deletionProtection: 'Enabled',
    protectionLevel: 'SOFTWARE',
    creator: '1',
    dkmsInstanceId: null,
    deleteDate: null,
    eligible: true,
    reasons: [],
    health: 'ok',
    usedBy: [],
    ...over,
  };
  // The contract's rule, unless a test names the recommendation itself.
  return { recommendation: keyRecommendation(summary), ...summary, ...over };
}
