// Small builders for the renderer component tests.
import type {
  Checklist,
  OperationView,
  VerifyReport,
  VerifyResult,
} from '../../../electron/contract';

// The summaries the core's tests build too: one builder each (test/support/summaries.ts).
export { cluster, key } from '../../support/summaries';

export const failingChecklist: Checklist = {
  clusterId: 'c-1',
  accountId: 'acc-1',
  regionId: 'cn-hangzhou',
  action: 'enable',
  keyId: 'key-1',
  ready: false,
  unconfirmed: [],
  checkedAt: '2026-11-29T00:00:00Z',
  checks: [
    {
      id: 'cluster.state',
      status: 'pass',
      summary: 'The cluster is running.',
      evidence: { state: 'running', requestId: 'REQ-1' },
      fix: null,
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

export function verifyResult(over: Partial<VerifyResult>): VerifyResult {
  return {
    clusterId: 'c-1',
    regionId: 'cn-hangzhou',
    keyId: 'key-1',
    action: 'enable',
    status: 'verified',
    reason: 'change-and-kms-events-found',
    summary: 'ENGLISH SUMMARY from the core',
    changeEvent: {
      eventId: 'EV-1',
      eventTime: '2026-11-29T10:00:00Z',
      requestId: 'REQ-CHANGE',
      user: 'root',
      errorCode: null,
    },
    kmsEvents: [
      {
        eventId: 'EV-2',
        eventName: 'Encrypt',
        eventTime: '2026-11-29T10:12:00Z',
        keyId: 'key-1',
        user: 'aliyuncsmanagedsecurityrole:abc',
        errorCode: null,
      },
      {
        eventId: 'EV-3',
        eventName: 'Decrypt',
        eventTime: '2026-11-29T10:11:00Z',
        keyId: null,
        user: 'aliyuncsmanagedsecurityrole:abc',
        errorCode: null,
      },
    ],
    kmsCounts: {
      encrypt: 1,
      decrypt: 1,
      failed: 0,
      withoutKeyId: 1,
      namingCluster: 1,
      afterQuietStart: 0,
      scanned: 40,
      truncated: false,
    },
    errorCode: null,
    checkedAt: '2026-11-29T10:20:00Z',
    nextCheckAfter: null,
    ...over,
  };
}

export function verifyReport(over: Partial<VerifyResult>): VerifyReport {
  const result = verifyResult(over);
  return {
    result,
    receipt: {
      json: {
        kind: 'ack-secret-guard.verify-receipt',
        version: 1,
        generatedAt: result.checkedAt,
        account: { name: 'Retail', cloudAccountId: '1' },
        cluster: { id: result.clusterId, name: 'edge-1' },
        regionId: result.regionId,
        keyId: result.keyId,
        action: result.action,
        change: { startedAt: null, endedAt: null, requestId: 'REQ-CHANGE' },
        verification: {
          status: result.status,
          reason: result.reason,
          summary: result.summary,
          checkedAt: result.checkedAt,
          nextCheckAfter: result.nextCheckAfter,
          errorCode: result.errorCode,
        },
        changeEvent: result.changeEvent,
        kmsEvents: result.kmsEvents,
        kmsCounts: result.kmsCounts,
      },
      text: 'ACK Secret Guard - Secret encryption verification receipt\n',
    },
  };
}

export function operation(over: Partial<OperationView>): OperationView {
  return {
    operationId: 'op-1',
    clusterId: 'c-1',
    clusterName: 'edge-1',
    accountId: 'acc-1',
    accountName: 'Retail',
    regionId: 'cn-hangzhou',
    action: 'enable',
    keyId: 'key-1',
    phase: 'updating',
    outcome: null,
    requestId: 'REQ-1',
    clusterState: 'updating',
    startedAt: '2026-11-29T10:00:00Z',
    requestedAt: '2026-11-29T10:00:01Z',
    updatingSeenAt: '2026-11-29T10:00:05Z',
    endedAt: null,
    lastPollAt: null,
    nextPollAt: null,
    polls: 1,
    slow: false,
    note: null,
    error: null,
    ...over,
  };
}
