// A key-health finding and its fix in Chinese, worded from the finding's kind and fields (the
// core's `summary` and `fix.hint` are English sentences for logs; the window words them the same
// way). API names stay as KMS spells them: they are what a person searches the docs for.
import type { KeyFinding } from '../../contract';
import { localTime } from '../time-text';

function keyName(f: KeyFinding): string {
  return f.aliases[0] ? `${f.keyId}（${f.aliases[0]}）` : f.keyId;
}

export function findingText(f: KeyFinding): string {
  const key = keyName(f);
  const instance = f.kmsInstanceId ?? '';
  const end = localTime(f.kmsInstanceEndDate);
  switch (f.kind) {
    case 'key-pending-deletion':
      return `KMS 密钥 ${key} 待删除：到期后 KMS 会彻底删除它，使用它的集群将再也无法读取 Secret；现在它已无法加密或解密。`;
    case 'key-disabled':
      return `KMS 密钥 ${key} 已禁用：使用它的集群无法解密 Secret（API Server 无法读取 Secret 和 ServiceAccount）。`;
    case 'key-pending-import':
      return `KMS 密钥 ${key} 缺少密钥材料（待导入）：使用它的集群无法解密 Secret。`;
    case 'key-not-found':
      return `在 ${f.regionId} 中找不到 KMS 密钥 ${key}（账号 ${f.accountName}），而有集群依赖它。`;
    case 'key-unreadable':
      return f.keyState
        ? `KMS 密钥 ${key} 的密钥状态为“${f.keyState}”，本工具无法识别；有集群依赖它。`
        : `无法用账号 ${f.accountName} 读取 KMS 密钥 ${key}。`;
    case 'kms-instance-expired':
      return `KMS 密钥 ${key} 所在的 KMS 实例 ${instance} 已于 ${end} 过期。`;
    case 'kms-instance-expiring':
      return `KMS 密钥 ${key} 所在的 KMS 实例 ${instance} 将于 ${end} 过期。`;
    case 'deletion-protection-off':
      return `KMS 密钥 ${key} 未开启删除保护：有权限的人都可以计划删除它，使用它的集群会因此失去 Secret。`;
    case 'rotation-on':
      return `KMS 密钥 ${key} 已开启自动轮转；ACK Edge 文档要求用于 Secret 落盘加密的密钥关闭自动轮转。`;
  }
}

export function fixText(f: KeyFinding): string {
  switch (f.kind) {
    case 'key-pending-deletion':
      return '立即取消密钥删除（CancelKeyDeletion）：密钥恢复为启用中，集群恢复正常。';
    case 'key-disabled':
      return '启用密钥（EnableKey）。';
    case 'key-pending-import':
      return '在 KMS 控制台重新导入密钥材料（必须是原来的材料：其他材料无法解密之前加密的内容）。';
    case 'key-not-found':
      return '如果密钥已被删除，集群的 Secret 将无法再解密：请立即联系阿里云技术支持。如果密钥属于其他阿里云账号，请添加该账号以便读取它。';
    case 'key-unreadable':
      return f.keyState
        ? '在 KMS 控制台中查看此密钥。'
        : '为此账号授予该密钥的 kms:DescribeKey 权限（例如系统策略 AliyunKMSReadOnlyAccess），以便持续检查它。';
    case 'kms-instance-expired':
    case 'kms-instance-expiring':
      return `在 KMS 控制台中续费 KMS 实例 ${f.kmsInstanceId ?? ''}：实例过期后，其中的密钥无法使用。`;
    case 'deletion-protection-off':
      return '开启删除保护（SetDeletionProtection）。';
    case 'rotation-on':
      return '在 KMS 控制台中关闭自动轮转（UpdateRotationPolicy，EnableAutomaticRotation=false）。这是安全的：KMS 保留每个密钥版本，之前写入的 Secret 仍可解密。';
  }
}
