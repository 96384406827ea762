// 简体中文 of batch-en.ts: the same keys, the glossary of UX.md.
import type { batchEn } from './batch-en';

export const batchZhCN: Record<keyof typeof batchEn, string> = {
  'batch.reason.check': '{check}：',
  'batch.reason.unconfirmed': '无法确认 {check}：',
  'batch.reason.notMade': '此项检查未进行。',
  'batch.reason.nothingChecked': '无法进行任何检查：检查清单中没有一项检查能够完成。',
  'batch.reason.checklistFailed': '检查清单无法运行：{detail}',
  'batch.reason.sameKey': '已使用此密钥加密。',
  'batch.reason.onlyNotEncrypted': '已加密（使用 {keyId}）；此计划只包含未加密的集群。',
  'batch.reason.onlyNotEncryptedOther': '已加密（使用其他密钥）；此计划只包含未加密的集群。',
  'batch.reason.notEncrypted': '未加密：无需关闭。',
  'batch.reason.key': '密钥：',
  'batch.reason.keyElsewhere': 'KMS 密钥 {keyId} 位于其他地域（{regions}）；此集群位于 {region}。',
  'batch.reason.keyInUseState':
    '更换密钥：正在使用的密钥（{keyId}）状态为{keyState}；切换密钥期间集群需要用它解密 Secret。请先将其恢复为启用中（取消删除），再重新制定计划。',
  'batch.reason.keyInUseMissing': '更换密钥：未找到正在使用的密钥（{keyId}）；切换密钥需要它。',
  'batch.reason.notStarted': '未开始：{detail}',
  'batch.note.keyInUseUnread':
    '无法读取正在使用的密钥（{keyId}）（{detail}）；切换密钥需要它处于启用中。',
  'batch.note.cooldown': '开始前需等待冷却时间结束：',
  'batch.group.several':
    '请选择密钥：{account} 在 {region} 有 {count} 个密钥符合条件（{keys}）；请在窗口中选择一个，或在计划的 keys 中加入 {entry}。',
  'batch.group.none':
    '请选择密钥：{account} 在 {region} 没有符合条件、已开启删除保护且未被其他集群使用的密钥；请在此创建合规密钥（窗口中的“在此创建合规密钥…”，或 keys.create），或在计划的 keys 中加入 {entry}。',
  'batch.group.noLister': '请选择密钥：在计划的 keys 中加入 {entry}。',
  'batch.group.listFailed':
    '请选择密钥：无法列出 {account} 在 {region} 的密钥（{detail}）；请在计划的 keys 中加入 {entry}。',
  'batch.group.noKey':
    '{account} 在 {region} 没有密钥：请在计划的 keys 中加入 {entry}，或以 keyChoice "recommended" 制定计划。',
  'batch.error.cooldownNotOver': '尝试 {attempts} 次后仍在 5 分钟冷却时间内：{detail}',
  'batch.error.operationNotFound': '变更记录中没有 {operationId} 的记录：{detail}',
  'batch.problem.listFailed': '无法列出 {account} 在 {region} 的集群（{code}）：{detail}',
  'batch.problem.listFailedAll': '无法列出 {account} 在所有地域的集群（{code}）：{detail}',
  'batch.problem.unknownCluster': '集群 {clusterId} 不在此计划范围内的集群中。',
};
