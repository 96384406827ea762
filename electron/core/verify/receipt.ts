// A verification receipt a user can save or hand to an auditor: what changed, where, when, and
// what ActionTrail shows. JSON for machines, plain English text for people (the renderer shows
// its own translation). Nothing in a VerifyResult is secret; both forms still go through the log
// redaction as a last line of defence.
import type { VerifyReceipt, VerifyResult } from '../../contract/types/verify';
import { redactText, redactValue } from '../log/redact';

export interface ReceiptContext {
  accountName: string;
  /** The Alibaba Cloud account uid. */
  cloudAccountId: string | null;
  clusterName?: string | null;
  changeStartedAt?: Date | string | null;
  changeEndedAt?: Date | string | null;
  /** x-acs-request-id of the UpdateKMSEncryption call. */
  requestId?: string | null;
  generatedAt?: Date;
}

const isoOrNull = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined
    ? null
    : typeof value === 'string'
      ? value
      : value.toISOString();

const STATUS_TEXT: Record<VerifyResult['status'], string> = {
  verified: 'VERIFIED',
  pending: 'PENDING',
  'not-verified': 'NOT VERIFIED',
  unavailable: 'UNAVAILABLE',
};

export function buildReceipt(result: VerifyResult, context: ReceiptContext): VerifyReceipt {
  return {
    kind: 'ack-secret-guard.verify-receipt',
    version: 1,
    generatedAt: (context.generatedAt ?? new Date()).toISOString(),
    account: { name: context.accountName, cloudAccountId: context.cloudAccountId },
    cluster: { id: result.clusterId, name: context.clusterName ?? null },
    regionId: result.regionId,
    keyId: result.keyId,
    action: result.action,
    change: {
      startedAt: isoOrNull(context.changeStartedAt),
      endedAt: isoOrNull(context.changeEndedAt),
      requestId: context.requestId ?? result.changeEvent?.requestId ?? null,
    },
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
  };
}

function receiptText(r: VerifyReceipt): string {
  const row = (label: string, value: string) => `${`${label}:`.padEnd(16)} ${value}`;
  const lines = [
    'ACK Secret Guard - Secret encryption verification receipt',
    '',
    row('Cluster', r.cluster.name ? `${r.cluster.name} (${r.cluster.id})` : r.cluster.id),
    row(
      'Account',
      r.account.cloudAccountId ? `${r.account.name} (${r.account.cloudAccountId})` : r.account.name,
    ),
    row('Region', r.regionId),
    row('Key', r.keyId),
    row(
      'Action',
      r.action === 'enable' ? 'turn on Secret encryption' : 'turn off Secret encryption',
    ),
    row('Change started', r.change.startedAt ?? 'unknown'),
    row('Change ended', r.change.endedAt ?? 'unknown'),
    row('Request id', r.change.requestId ?? 'unknown'),
    '',
    row('Status', STATUS_TEXT[r.verification.status]),
    row('Summary', r.verification.summary),
    row('Checked at', r.verification.checkedAt),
  ];
  if (r.verification.nextCheckAfter) lines.push(row('Check again', r.verification.nextCheckAfter));
  if (r.verification.errorCode) lines.push(row('Error code', r.verification.errorCode));
  lines.push('');
  if (r.changeEvent) {
    const c = r.changeEvent;
    lines.push(
      `UpdateKMSEncryption event ${c.eventId} at ${c.eventTime}` +
        `${c.user ? ` by ${c.user}` : ''}${c.requestId ? `, request id ${c.requestId}` : ''}` +
        `${c.errorCode ? `, error ${c.errorCode}` : ''}.`,
    );
  } else {
    lines.push('UpdateKMSEncryption event: not found in ActionTrail.');
  }
  const k = r.kmsCounts;
  lines.push(
    `KMS events by AliyunCSManagedSecurityRole since the change: ${k.encrypt} Encrypt, ${k.decrypt} Decrypt` +
      `${k.failed ? `, ${k.failed} failed` : ''}${k.withoutKeyId ? `, ${k.withoutKeyId} naming no key` : ''}` +
      `${k.namingCluster ? `, ${k.namingCluster} naming this cluster` : ''}` +
      `${k.truncated ? ' (page limit reached; there may be more)' : ''}.`,
  );
  if (r.kmsEvents.length > 0) {
    lines.push(
      `Newest ${r.kmsEvents.length} of them:`,
      ...r.kmsEvents.map(
        (e) =>
          `  ${e.eventTime}  ${e.eventName.padEnd(7)}  ${e.eventId}  key ${e.keyId ?? '(not recorded)'}` +
          `${e.user ? `  ${e.user}` : ''}${e.errorCode ? `  error ${e.errorCode}` : ''}`,
      ),
    );
  }
  lines.push('', row('Generated at', r.generatedAt), '');
  return lines.join('\n');
}

/** The receipt as JSON (a VerifyReceipt) and as readable English text. */
export function receipt(
  result: VerifyResult,
  context: ReceiptContext,
): { json: VerifyReceipt; text: string } {
  const json = redactValue(buildReceipt(result, context)) as VerifyReceipt;
  return { json, text: redactText(receiptText(json)) };
}
