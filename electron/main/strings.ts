// The main process's own words (menu, quit dialog) in the two languages the app speaks. The
// language follows the OS like the renderer's: any Chinese locale -> zh-CN, anything else -> en.

export type MainLocale = 'zh-CN' | 'en';

export function pickMainLocale(appLocale: string | undefined): MainLocale {
  return (appLocale ?? '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export interface MainStrings {
  file: string;
  edit: string;
  view: string;
  window: string;
  help: string;
  refreshFleet: string;
  openDataFolder: string;
  openLogs: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  toggleFullScreen: string;
  minimize: string;
  close: string;
  quit: string;
  about: string;
  reload: string;
  devTools: string;
  quitTitle: string;
  quitMessage: string;
  quitDetail: string;
  quitAnyway: string;
  keepOpen: string;
  /** Desktop notification when a change ends while the window is not focused. */
  changeEndedTitle: (outcome: string) => string;
  changeEndedBody: (action: 'enable' | 'disable', cluster: string, account: string) => string;
  /** Desktop notification when the key guard finds a new critical key finding. */
  keyCriticalTitle: (kind: string) => string;
  keyCriticalBody: (key: string, clusters: number, deleteDate: string | null) => string;
  /** The error box when the app cannot start (then it exits). */
  startupFailedTitle: string;
  startupFailedDetail: (logFile: string) => string;
  /** The error box when an installed app is started with a debugger or without TLS checks. */
  unsafeLaunchTitle: string;
  unsafeLaunchDetail: (reason: string) => string;
}

const en: MainStrings = {
  file: '&File',
  edit: '&Edit',
  view: '&View',
  window: '&Window',
  help: '&Help',
  refreshFleet: 'Refresh Fleet',
  openDataFolder: 'Open Data Folder',
  openLogs: 'Open Logs',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullScreen: 'Toggle Full Screen',
  minimize: 'Minimize',
  close: 'Close Window',
  quit: 'Quit ACK Secret Guard',
  about: 'About ACK Secret Guard',
  reload: 'Reload',
  devTools: 'Toggle Developer Tools',
  quitTitle: 'A change is still running',
  quitMessage: 'Quit while a change is still in progress?',
  quitDetail:
    'The change keeps running in Alibaba Cloud without this app. ACK Secret Guard will pick it up ' +
    'again and follow it to the end the next time it starts.',
  quitAnyway: 'Quit',
  keepOpen: 'Keep Open',
  changeEndedTitle: (outcome) =>
    ({
      succeeded: 'Change finished',
      failed: 'Change failed',
      rejected: 'Change refused',
      'timed-out': 'Still changing: stopped following',
      unknown: 'Change outcome unknown',
    })[outcome] ?? 'Change ended',
  changeEndedBody: (action, cluster, account) =>
    `${action === 'enable' ? 'Enable' : 'Disable'} Secret encryption at rest: ${cluster} (${account})`,
  keyCriticalTitle: (kind) =>
    ({
      'key-pending-deletion': 'A KMS key in use is pending deletion',
      'key-disabled': 'A KMS key in use is disabled',
      'key-pending-import': 'A KMS key in use has no key material',
      'key-not-found': 'A KMS key in use was not found',
      'kms-instance-expired': 'The KMS instance of a key in use expired',
    })[kind] ?? 'A KMS key in use needs attention',
  keyCriticalBody: (key, clusters, deleteDate) =>
    `${key}: ${clusters} cluster${clusters === 1 ? '' : 's'} cannot read their Secrets${deleteDate ? `; deleted for good on ${deleteDate}` : ''}. Open ACK Secret Guard to fix it.`,
  startupFailedTitle: 'ACK Secret Guard could not start',
  startupFailedDetail: (logFile) =>
    `Nothing was changed in your clusters. Start the app again; if this happens again, send the log file to your administrator:\n${logFile}`,
  unsafeLaunchTitle: 'ACK Secret Guard will not start like this',
  unsafeLaunchDetail: (reason) =>
    `It was started with ${reason}, which would let another program debug it or read its traffic. ` +
    'Start it again from its icon, without extra options or variables.',
};

const zhCN: MainStrings = {
  file: '文件(&F)',
  edit: '编辑(&E)',
  view: '视图(&V)',
  window: '窗口(&W)',
  help: '帮助(&H)',
  refreshFleet: '刷新集群列表',
  openDataFolder: '打开数据文件夹',
  openLogs: '打开日志',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  toggleFullScreen: '切换全屏',
  minimize: '最小化',
  close: '关闭窗口',
  quit: '退出 ACK Secret Guard',
  about: '关于 ACK Secret Guard',
  reload: '重新加载',
  devTools: '切换开发者工具',
  quitTitle: '仍有变更在进行中',
  quitMessage: '有变更仍在进行中，确定要退出吗？',
  quitDetail:
    '该变更会在阿里云上继续执行，不依赖本应用。下次启动 ACK Secret Guard 时，会自动接续跟踪直到完成。',
  quitAnyway: '退出',
  keepOpen: '不退出',
  changeEndedTitle: (outcome) =>
    ({
      succeeded: '变更已完成',
      failed: '变更失败',
      rejected: '变更被拒绝',
      'timed-out': '仍在变更：已停止跟踪',
      unknown: '变更结果未知',
    })[outcome] ?? '变更已结束',
  changeEndedBody: (action, cluster, account) =>
    `${action === 'enable' ? '开启' : '关闭'} Secret 落盘加密：${cluster}（${account}）`,
  keyCriticalTitle: (kind) =>
    ({
      'key-pending-deletion': '正在使用的 KMS 密钥待删除',
      'key-disabled': '正在使用的 KMS 密钥已禁用',
      'key-pending-import': '正在使用的 KMS 密钥缺少密钥材料',
      'key-not-found': '找不到正在使用的 KMS 密钥',
      'kms-instance-expired': '正在使用的密钥所在的 KMS 实例已过期',
    })[kind] ?? '正在使用的 KMS 密钥需要处理',
  keyCriticalBody: (key, clusters, deleteDate) =>
    `${key}：${clusters} 个集群无法读取 Secret${deleteDate ? `；将于 ${deleteDate} 彻底删除` : ''}。请打开 ACK Secret Guard 处理。`,
  startupFailedTitle: 'ACK Secret Guard 无法启动',
  startupFailedDetail: (logFile) =>
    `集群未做任何变更。请重新启动应用；如果仍然失败，请把日志文件发给管理员：\n${logFile}`,
  unsafeLaunchTitle: 'ACK Secret Guard 拒绝以这种方式启动',
  unsafeLaunchDetail: (reason) =>
    `启动时带有 ${reason}，这会让其他程序调试本应用或读取其网络通信。请直接从应用图标重新启动，不要附加选项或环境变量。`,
};

export function mainStrings(locale: MainLocale): MainStrings {
  return locale === 'zh-CN' ? zhCN : en;
}
