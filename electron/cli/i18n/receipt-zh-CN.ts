// The verification receipt in Chinese, from the receipt's JSON (the core writes the English
// text; the same facts, in the same order). Times are local, to the second, with the zone.
import type { VerifyReceipt } from '../../contract';
import { localTime } from '../time-text';

const STATUS: Record<VerifyReceipt['verification']['status'], string> = {
  verified: '已验证',
  pending: '等待验证',
  'not-verified': '未验证',
  unavailable: '无法验证',
};

// The same words as the window's (renderer/src/lib/i18n/zh-CN.ts, verify.reason.*).
const REASON: Record<VerifyReceipt['verification']['reason'], (code: string) => string> = {
  'change-and-kms-events-found': () =>
    '操作审计（ActionTrail）记录了此变更，以及服务角色 AliyunCSManagedSecurityRole 使用此密钥进行的加密和解密：Secret 已落盘加密。',
  'no-kms-events-after-change': () =>
    '操作审计（ActionTrail）记录了此变更，且变更后 AliyunCSManagedSecurityRole 没有再使用此密钥：落盘加密已关闭。',
  'waiting-for-change-event': () => '操作审计（ActionTrail）中还没有此变更的事件。',
  'waiting-for-kms-events': () =>
    '变更事件已记录；AliyunCSManagedSecurityRole 的 KMS Encrypt/Decrypt 事件还没有出现。',
  'waiting-for-quiet-period': () =>
    '变更事件已记录；正在等待操作审计（ActionTrail）覆盖变更之后的时间，以确认密钥不再被使用。',
  'change-event-missing': () =>
    '按时间推算，操作审计（ActionTrail）中应已有此变更（UpdateKMSEncryption）的记录，但没有找到。请在容器服务控制台中查看集群。',
  'change-event-failed': (code) =>
    `操作审计（ActionTrail）记录的此变更带有错误（${code}）：变更可能没有生效。请查看集群并重新运行检查清单。`,
  'kms-events-missing': () =>
    '变更后没有出现 AliyunCSManagedSecurityRole 使用此密钥的 KMS Encrypt/Decrypt 事件。请检查服务角色和到密钥管理服务（KMS）的网络。',
  'kms-events-failed': () =>
    'AliyunCSManagedSecurityRole 使用此密钥调用 KMS 失败：集群可能无法读取其 Secret。请立即检查密钥状态和服务角色。',
  'kms-events-after-disable': () =>
    '关闭落盘加密后，AliyunCSManagedSecurityRole 仍在使用此密钥。禁用或删除密钥之前，请先查看集群。',
  'no-permission': (code) =>
    `此账号没有读取操作审计（ActionTrail）事件的权限（${code}）。请联系管理员授权只读访问。`,
  'region-without-actiontrail': () =>
    '此地域未提供操作审计（ActionTrail）：请在容器服务控制台中手动确认集群。',
  'outside-retention': () => '此变更早于操作审计（ActionTrail）的事件保留期（90 天），已无法证明。',
};

const UNKNOWN = '未知';
const when = (at: string | null) => (at ? localTime(at) : UNKNOWN);

export function receiptTextZh(r: VerifyReceipt): string {
  const row = (label: string, value: string) => `${label}：${value}`;
  const v = r.verification;
  const lines = [
    'ACK Secret Guard：Secret 落盘加密验证回执',
    '',
    row('集群', r.cluster.name ? `${r.cluster.name}（${r.cluster.id}）` : r.cluster.id),
    row(
      '账号',
      r.account.cloudAccountId
        ? `${r.account.name}（${r.account.cloudAccountId}）`
        : r.account.name,
    ),
    row('地域', r.regionId),
    row('KMS 密钥', r.keyId),
    row('操作', r.action === 'enable' ? '开启 Secret 落盘加密' : '关闭 Secret 落盘加密'),
    row('变更开始', when(r.change.startedAt)),
    row('变更结束', when(r.change.endedAt)),
    row('请求 ID', r.change.requestId ?? UNKNOWN),
    '',
    row('状态', STATUS[v.status]),
    row('结论', REASON[v.reason](v.errorCode ?? UNKNOWN)),
    row('检查时间', when(v.checkedAt)),
  ];
  if (v.nextCheckAfter) lines.push(row('再次检查', when(v.nextCheckAfter)));
  if (v.errorCode) lines.push(row('错误码', v.errorCode));
  lines.push('');
  const c = r.changeEvent;
  lines.push(
    c
      ? `UpdateKMSEncryption 事件 ${c.eventId}，时间 ${when(c.eventTime)}` +
          `${c.user ? `，操作人 ${c.user}` : ''}${c.requestId ? `，请求 ID ${c.requestId}` : ''}` +
          `${c.errorCode ? `，错误 ${c.errorCode}` : ''}。`
      : 'UpdateKMSEncryption 事件：操作审计（ActionTrail）中没有找到。',
  );
  const k = r.kmsCounts;
  lines.push(
    `变更后 AliyunCSManagedSecurityRole 的 KMS 事件：${k.encrypt} 次 Encrypt、${k.decrypt} 次 Decrypt` +
      `${k.failed ? `，${k.failed} 次失败` : ''}${k.withoutKeyId ? `，${k.withoutKeyId} 次未记录密钥` : ''}` +
      `${k.namingCluster ? `，${k.namingCluster} 次指明此集群` : ''}` +
      `${k.truncated ? '（已达到分页上限，可能还有更多）' : ''}。`,
  );
  if (r.kmsEvents.length > 0)
    lines.push(
      `最新的 ${r.kmsEvents.length} 条：`,
      ...r.kmsEvents.map(
        (e) =>
          `  ${when(e.eventTime)}  ${e.eventName.padEnd(7)}  ${e.eventId}  密钥 ${e.keyId ?? '（未记录）'}` +
          `${e.user ? `  ${e.user}` : ''}${e.errorCode ? `  错误 ${e.errorCode}` : ''}`,
      ),
    );
  lines.push('', row('生成时间', when(r.generatedAt)), '');
  return lines.join('\n');
}
