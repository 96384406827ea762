// The CLI's own words in Simplified Chinese (same keys as en.ts; the glossary's terms).
import type { CliText } from './en';
import { HELP_ZH_CN } from './help-zh-CN';

export const zhCN: CliText = {
  head: {
    cluster: '集群 ID',
    name: '名称',
    account: '账号',
    region: '地域',
    state: '状态',
    keyHealth: '密钥健康',
    encryption: '落盘加密',
    plan: '计划',
    key: 'KMS 密钥',
    aliases: '别名',
    spec: '密钥规格',
    rotation: '自动轮转',
    eligible: '可用',
    time: '时间',
    action: '操作',
    phase: '阶段',
    result: '结果',
    requestId: '请求 ID',
    batch: '批量变更',
    created: '创建时间',
    ready: '就绪',
    succeeded: '成功',
    failed: '失败',
  },
  mark: { pass: '通过', fail: '未通过', warn: '警告', unknown: '未知', manual: '需手动确认' },
  clusterState: {
    running: '运行中',
    updating: '更新中',
    failed: '失败',
    initial: '创建中',
    deleting: '删除中',
  },
  encryption: {
    on: (keyId) => `已加密（${keyId ?? '密钥未知'}）`,
    off: '未加密',
    unknown: '未知',
  },
  yesNo: { yes: '是', no: '否' },
  lookup: {
    ambiguous: (ref, n) => `有 ${n} 个集群名为“${ref}”；请给出集群 ID（或 --account 账号名）：`,
    ambiguousFix: '请用其中一个集群 ID 重新运行命令。',
    noSuch: (ref) =>
      `集群列表中没有 ID 或名称为“${ref}”的集群。请查看：ack-secret-guard clusters list`,
  },
  since: {
    invalid: (value) =>
      `--since 接受时长（30m、24h、7d）或日期（2026-12-01、2026-12-01T08:00，或带时区），而不是“${value}”。`,
  },
  confirm: {
    disable: (name, id) =>
      `关闭 ${name}（${id}）的 Secret 落盘加密？之后新写入的 Secret 将不再加密。\n输入集群名称（${name}）以继续：`,
    batch: (action, n) =>
      `对 ${n} 个集群执行此批量变更（${action}）？\n输入集群数量（${n}）以继续：`,
    keyFix: (what) => `${what}\n输入 "yes" 以继续：`,
    create: (name) => `输入集群名称（${name}）以创建：`,
    noTerminal: (what) => `未经确认，拒绝${what}：请在终端中运行以确认，或（在脚本中）加上 --yes。`,
    declined: '未确认：没有做任何更改。',
    what: {
      disable: '关闭落盘加密',
      batch: '执行批量变更',
      keyFix: '更改 KMS 密钥',
      create: '创建集群',
    },
  },
  dryRun: {
    header: '试运行：将发送以下请求：',
    nothingSent: '试运行：没有发送任何请求。',
    notReady: '检查清单未就绪：请求在发送前就会被拒绝。',
    batchItem: (name, id) => `${name}（${id}）：`,
  },
  check: {
    ready: '就绪',
    notReady: '未就绪',
    action: { enable: '开启落盘加密', disable: '关闭落盘加密' },
    withKey: (ref) => `使用 ${ref}`,
    fix: '修复',
    copy: '复制',
  },
  change: {
    aliasSent: (asked, keyId, regionId) =>
      `密钥 ${asked} 在 ${regionId} 中是 ${keyId}；已发送密钥 ID。`,
    followHint: (requestId, ref) =>
      `请求 ID ${requestId ?? '（无）'}；继续跟踪：ack-secret-guard status ${ref} --wait`,
  },
  status: {
    nothingRecorded: (name, id, edition, regionId, account, state, encryption) =>
      `没有 ${name}（${id}）的变更记录。${edition} 集群，地域 ${regionId}（${account}），${state}；Secret 落盘加密：${encryption}。`,
    onWithKey: (keyId) => `已开启，KMS 密钥 ${keyId ?? '（未知）'}`,
    journal: '变更日志',
  },
  follow: {
    action: { enable: '开启落盘加密', disable: '关闭落盘加密' },
    phase: {
      requested: '已提交',
      updating: '更新中',
      creating: '创建中',
      running: '运行中',
      verifying: '验证中',
      ended: '已结束',
    },
    outcome: {
      succeeded: '成功',
      failed: '失败',
      rejected: '被拒绝',
      'timed-out': '超时',
      unknown: '未知',
      verified: '已验证',
      encrypted: '已加密',
      'key-missing': '密钥未生效',
    },
    ended: (outcome) => `已结束：${outcome}`,
    cluster: (state) => `集群${state}`,
    elapsed: (d) => `已用时 ${d}`,
    nextCheck: (at) => `下次检查 ${at}`,
    slow: '比平时慢',
    summary: (action, name, id, outcome, took, polls, requestId) =>
      `${name}（${id}）${action}：${outcome}${took ? `，用时 ${took}` : ''}，检查 ${polls} 次；请求 ID ${requestId ?? '（无）'}`,
    interrupted: (resume) => `\n已停止跟踪。变更仍在云上继续；再次跟踪：${resume}\n`,
  },
  create: {
    interrupted: (resume) => `\n已停止跟踪。集群仍在云上继续创建；查看：${resume}\n`,
    summary: (name, id, outcome, took) =>
      `创建 ${name}${id ? `（${id}）` : ''}：${outcome}，用时 ${took}`,
    nameMismatch: '名称不一致；没有创建任何集群。',
  },
  clusters: {
    countLine: (count, listed) => `${count}，${listed}`,
    count: (n) => `${n} 个集群`,
    listedAt: (at) => `列出于 ${at}`,
    listedFrom: (at) => `最早的数据列出于 ${at}`,
    failed: (account, region, code, message) =>
      `失败：${account} ${region ?? '（所有地域）'}：${code}：${message}`,
    fromDisk: (at) => `来自磁盘上的快照：列出于 ${at}，本次未刷新。`,
    staleNothing: (at) => `离线数据：本次没有任何地域刷新成功；最早的数据列出于 ${at}。`,
    staleSome: (at) => `部分离线：有些地域本次未能刷新；最早的数据列出于 ${at}。`,
    noSnapshot: '还没有集群快照：请先不带 --cached 运行一次 "clusters list"。',
    pendingDeletion: (date) => `待删除（${date} 删除）`,
    unknownRotation: '未知',
    notEligible: (reasons) => `否：${reasons}`,
  },
  batch: {
    header: (id, what) => `批量变更 ${id}：${what}`,
    enableWith: (keyId) => `开启落盘加密，KMS 密钥 ${keyId ?? '-'}`,
    enablePerGroup: '开启落盘加密，按账号和地域使用各自的密钥',
    keyMapHead: ['账号', '地域', '集群数', '密钥', '密钥 ID', '来源'],
    disable: '关闭落盘加密',
    verdict: { ready: '就绪', waits: '就绪（需等待）', skipped: '跳过' },
    notInPlan: (p) => `不在计划中：${p}`,
    counts: (ready, skipped) => `${ready} 个就绪，${skipped} 个跳过。`,
    applyHint: (id) => `执行：ack-secret-guard batch apply --id ${id}`,
    nothingReady: '此计划中没有就绪的集群：没有可执行的内容（退出码 3）。',
    state: (s) => `状态：${s}`,
    waitingCooldown: (until) => `等待冷却时间结束：${until}`,
    final: (id, state, c, ready, skipped) =>
      `\n批量变更 ${id} ${state}：${c.succeeded} 个成功，${c.failed} 个失败，${c.atStart} 个在开始时跳过，${c.cancelled} 个已取消（共 ${ready} 个就绪；计划跳过 ${skipped} 个）。`,
  },
  keys: {
    fixWhat: {
      'enable-key': (k) => `启用 KMS 密钥 ${k}`,
      'cancel-key-deletion': (k) => `取消 KMS 密钥 ${k} 的删除（恢复为启用中）`,
      'enable-deletion-protection': (k) => `开启 KMS 密钥 ${k} 的删除保护`,
    },
    where: (what, account, region) => `${what}，账号 ${account}，地域 ${region}。`,
  },
  help: HELP_ZH_CN,
  helpText: {
    usage: '用法',
    commands: '命令',
    subcommands: '子命令',
    options: '选项',
    examples: '示例',
    globalOptions: '全局选项',
    globals: [
      ['--data-dir DIR', '账号和快照所在目录（默认：桌面应用的目录；\n也可用 ACK_SG_DATA_DIR）'],
      ['--json', '机器可读输出（与语言无关）'],
      ['--lang zh-CN|en', '输出语言（默认：LC_ALL，其次 LANG）'],
      ['--help', '本帮助；单个命令：CMD --help 或 help CMD [SUB]'],
      ['--version', '版本'],
    ],
    exitCodes:
      '退出码：0 成功，1 失败，2 用法错误、输入无效或未确认，3 检查清单未就绪（或批量变更中没有\n就绪的集群），4 云端或凭据错误；keys health：5 有严重问题，6 只有警告；\n130 用 Ctrl-C 停止了跟踪（变更仍在继续）。',
    more: '更多：ack-secret-guard help CMD [SUB]',
    subHelp: (topic) => `每个子命令都有自己的帮助页：ack-secret-guard help ${topic} SUB`,
  },
  auditLog: '审计日志',
  errors: {
    unknownCommand: (name) => `未知命令：${name}`,
    detailsIn: (file) => `详情见 ${file}。`,
    // errors: an error and a notice on stderr (their text from the core's catalog).
    line: (code, text) => `错误（${code}）：${text}`,
    warning: (text) => `警告：${text}`,
  },
};
