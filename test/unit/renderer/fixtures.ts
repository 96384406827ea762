// Small builders for the renderer component tests.
import type { Checklist, ClusterSummary, KmsKeySummary } from '../../../electron/contract';

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
  return {
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
}

export const failingChecklist: Checklist = {
  clusterId: 'c-1',
  accountId: 'acc-1',
  regionId: 'cn-hangzhou',
  action: 'enable',
  keyId: 'key-1',
  ready: false,
  checkedAt: '2026-11-29T00:00:00Z',
  checks: [
    {
      id: 'cluster.state',
      status: 'pass',
      summary: 'The cluster is running.',
      evidence: { state: 'running', requestId: 'REQ-1' },
    },
    {
      id: 'caller.kmsCryptoAdmin',
      status: 'fail',
      summary: 'The caller lacks AliyunKMSCryptoAdminAccess.',
      evidence: { arn: 'acs:ram::1:user/field-engineer', requestId: 'REQ-2' },
      fix: { hint: 'Attach it.', consoleUrl: 'https://ram.console.aliyun.com/users' },
    },
    {
      id: 'role.csManagedSecurity',
      status: 'fail',
      summary: 'The service role is missing.',
      evidence: { errorCode: 'EntityNotExist.Role' },
      fix: {
        hint: 'Authorise it.',
        consoleUrl: 'https://ram.console.aliyun.com/roles',
        action: 'authorize-service-role',
      },
    },
    {
      id: 'key.deletionProtection',
      status: 'warn',
      summary: 'Deletion protection is off.',
      evidence: {},
      fix: { hint: 'Turn it on.', consoleUrl: 'javascript:alert(1)' },
    },
  ],
};
