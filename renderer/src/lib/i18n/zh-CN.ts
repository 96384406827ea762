// 简体中文。术语遵循 shared/UX.md 的词汇表。
import type { MessageKey } from './en';

export const zhCN: Record<MessageKey, string> = {
  'app.name': 'ACK Secret Guard',
  'app.tagline': 'ACK 边缘托管版（Pro）集群的 Secret 落盘加密',
  'shell.language': '语言',
  'shell.nav': '主导航',
  'nav.fleet': '集群',
  'nav.accounts': '账号',
  'nav.activity': '活动',
  'nav.settings': '设置',
  'shell.noAccount': '未选择账号',
  'welcome.title': '还没有账号',
  'welcome.body':
    '添加阿里云账号后，即可查看每个 ACK 边缘托管版（Pro）集群的 Secret 落盘加密状态，以及开启加密前还需满足哪些前提条件。',
  'about.title': '本机安装信息',
  'about.version': '版本',
  'about.platform': '平台',
  'about.dataDir': '数据目录',
  'about.secretStore': '密钥保存位置',
  'about.loading': '正在读取应用信息…',
  'about.failed': '无法读取应用信息：{message}',
  'secretStore.secret-service': 'Secret Service（GNOME 密钥环 / KWallet）',
  'secretStore.macos-keychain': 'macOS 钥匙串',
  'secretStore.windows-credential-manager': 'Windows 凭据管理器',
  'demo.badge': '演示',
};
