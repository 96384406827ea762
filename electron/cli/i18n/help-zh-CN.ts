// 帮助页（简体中文），与 help-en.ts 的主题、用法行和选项一一对应。
// From its own file: the contract's index would load its message catalog with the help text.
import { ACCOUNT_COLOURS } from '../../contract/types/accounts';
import type { HelpPages } from '../help-topics';

const CLUSTER = ['CLUSTER', '集群 ID 或集群名称（多个集群同名时会拒绝并列出）'] as [string, string];
const ACCOUNT = ['--account NAME', '已保存的账号（名称或 ID）'] as [string, string];
const DRY = ['--dry-run', '检查并显示将要发送的请求；不发送任何请求'] as [string, string];
const KEY = [
  '--key KEY',
  'KMS 密钥：密钥 ID（key-… 或 UUID）、别名（alias/…，在集群所在地域解析）\n或其 ARN',
] as [string, string];

export const HELP_ZH_CN: HelpPages = {
  info: {
    summary: '显示应用版本、数据目录和凭据存储位置',
    usage: ['info [--json]'],
    about: '版本、此命令行使用的数据目录，以及凭据保存的位置。',
    options: [],
    examples: [['info --json', '以 JSON 输出']],
  },
  accounts: {
    summary: '列出、添加、测试、删除账号；导入 aliyun CLI 配置',
    usage: ['accounts list|test|remove|add|import-aliyun-cli ...'],
    about:
      '账号保存在数据目录中，凭据保存在系统钥匙串中。凭据从标准输入读取（每行一项），\n绝不从命令行参数读取。',
    options: [],
    examples: [
      ['accounts list', '已保存的账号及其身份'],
      ['accounts test prod', '向 STS 确认账号 "prod" 的身份'],
    ],
  },
  'accounts list': {
    summary: '已保存的账号',
    usage: ['accounts list [--json]'],
    about: '每个已保存的账号：类型、AccessKey ID 或 RAM 角色、身份、地域、接入地址、代理。',
    options: [],
    examples: [['accounts list --json', '用于脚本']],
  },
  'accounts test': {
    summary: '在线检查账号的凭据（STS GetCallerIdentity）',
    usage: ['accounts test NAME'],
    about: '向 STS 确认账号身份；云端拒绝凭据时退出码为 4。',
    options: [],
    examples: [['accounts test prod', '检查账号 "prod"']],
  },
  'accounts remove': {
    summary: '删除账号及其钥匙串条目',
    usage: ['accounts remove NAME'],
    about: '删除账号，并从系统钥匙串中删除其凭据。',
    options: [],
    examples: [['accounts remove old-lab', '删除账号 "old-lab"']],
  },
  'accounts add': {
    summary: '添加账号（AccessKey、STS 临时凭证或 RAM 角色）',
    usage: [
      'accounts add --name NAME --type access-key --access-key-id ID --secret-stdin [options]',
      'accounts add --name NAME --type sts-token --access-key-id ID --expiration ISO8601 --secret-stdin',
      'accounts add --name NAME --type ram-role --source-account NAME --role-arn ARN [options]',
    ],
    about:
      '保存前先用 STS 检查账号。凭据从标准输入读取，每行一项（sts-token：先 AccessKey Secret，\n再 STS 临时凭证；代理密码放在最后）。',
    options: [
      ['--secret-stdin', '从标准输入读取 AccessKey Secret（以及 STS 临时凭证）'],
      ['--regions r1,r2', '只使用这些地域（默认：提供 ACK Edge 的所有地域）'],
      ['--endpoint URL', '自定义接入地址（例如模拟云）'],
      ['--proxy URL', 'HTTPS 代理，不含密码'],
      ['--proxy-password-stdin', '从标准输入读取代理密码'],
      ['--ca-bundle PATH', '额外的 CA 证书（PEM）'],
      [
        '--session-name S, --duration SECONDS, --external-id X',
        'ram-role：扮演角色（AssumeRole）的选项',
      ],
      ['--colour COLOUR', `可选：${ACCOUNT_COLOURS.join(', ')}`],
    ],
    examples: [
      [
        'accounts add --name prod --type access-key --access-key-id LTAI… --secret-stdin < secret.txt',
        'AccessKey，其 Secret 保存在文件中',
      ],
      [
        'accounts add --name retail --type ram-role --source-account prod --role-arn acs:ram::123:role/guard',
        '用账号 "prod" 扮演的 RAM 角色',
      ],
    ],
  },
  'accounts import-aliyun-cli': {
    summary: '导入 aliyun CLI 的配置',
    usage: [
      'accounts import-aliyun-cli [--config FILE] [--profile P ...] [--apply] [--endpoint URL]',
    ],
    about: '显示 ~/.aliyun/config.json 中的配置；加 --apply 才导入。',
    options: [
      ['--config FILE', '其他 aliyun CLI 配置文件'],
      ['--profile P', '只导入此配置（可重复）'],
      ['--apply', '导入（不加则不导入任何内容）'],
      ['--endpoint URL', '所有导入账号使用的接入地址'],
    ],
    examples: [['accounts import-aliyun-cli --profile default --apply', '导入 default 配置']],
  },
  clusters: {
    summary: '列出集群；创建开启落盘加密的 ACK 边缘托管版（Pro）集群',
    usage: ['clusters list [options]', 'clusters create --file SPEC.json [options]'],
    about: '所有已保存账号的集群，以及其落盘加密状态和密钥健康。',
    options: [],
    examples: [
      ['clusters list', '所有账号的 ACK 边缘托管版（Pro）集群'],
      ['clusters create --file site-42.json --dry-run', '预检并显示请求，不发送'],
    ],
  },
  'clusters list': {
    summary: '列出集群及其落盘加密和密钥健康',
    usage: [
      'clusters list [--account NAME] [--region ID ...] [--include-ack-pro | --cached] [--json]',
    ],
    about:
      '立即查询每个账号和地域；未能刷新的部分最先说明（离线数据），\n全部未能刷新时退出码为 4。同一阿里云账号下的多个已保存账号，每个集群只列出一次，\n并注明所有这些账号（JSON：reachableVia）；--account 显示该账号能访问的每个集群。',
    options: [
      ACCOUNT,
      ['--region ID', '只看此地域（可重复）'],
      ['--include-ack-pro', '同时列出 ACK 托管集群 Pro 版'],
      ['--cached', '磁盘上最后一次的快照，不查询云端'],
    ],
    examples: [
      ['clusters list --account prod --region cn-hangzhou', '一个账号、一个地域'],
      ['clusters list --cached --json', '最后一次快照，用于脚本'],
    ],
  },
  'clusters create': {
    summary: '创建开启 Secret 落盘加密的 ACK 边缘托管版（Pro）集群',
    usage: [
      'clusters create --file SPEC.json [--dry-run] [--wait] [--yes] [--json]',
      'clusters create --resume [CREATION_ID] [--json]',
    ],
    about: [
      'SPEC.json：{"account": "NAME", "regionId": "cn-hangzhou", "name": "edge-site-1",',
      '            "keyId": "key-…", "vpcId": "vpc-…", "vswitchIds": ["vsw-…"],',
      '            "containerCidr": "172.20.0.0/16", "serviceCidr": "192.168.0.0/16"}',
      '可选：kubernetesVersion、securityGroupId、endpointPublicAccess（false）、snatEntry（true）、',
      'enterpriseSecurityGroup（true）、deletionProtection（true）；省略的网段会避开 VPC 自动选择，',
      '版本默认为提供的最新版本。总是先运行预检。',
      '退出码：0 已创建（或试运行就绪），1 失败/超时/密钥未生效，2 用法或规格错误，',
      '3 预检未就绪，4 云端拒绝。',
    ].join('\n'),
    options: [
      ['--dry-run', '检查并显示请求（请求体、Terraform、aliyun CLI）；不发送'],
      ['--wait', '跟踪创建直到运行中并取得操作审计（ActionTrail）验证（每 30 秒一行）'],
      ['--yes', '无需输入集群名称即创建（没有终端时必需）'],
      ['--resume [CREATION_ID]', '再次跟踪一个创建（Ctrl-C 之后）；默认为唯一进行中的那个'],
    ],
    examples: [
      ['clusters create --file site-42.json --dry-run', '将要发送的内容'],
      ['clusters create --file site-42.json --wait', '创建、输入名称确认并跟踪'],
    ],
  },
  keys: {
    summary: '列出 KMS 密钥；密钥健康检查；修复密钥',
    usage: ['keys list|health|fix ...'],
    about: '集群使用的 KMS 密钥：各地域可用的密钥、其健康状况和安全的修复。',
    options: [],
    examples: [
      ['keys health', '退出码 0 正常，5 有严重问题，6 只有警告'],
      ['keys list --account prod --region cn-hangzhou', '一个地域的密钥'],
    ],
  },
  'keys list': {
    summary: '账号某地域的 KMS 密钥',
    usage: ['keys list --account NAME --region ID [--json]'],
    about: '每个密钥的密钥规格、密钥状态、自动轮转，以及能否用于 Secret 落盘加密。',
    options: [ACCOUNT, ['--region ID', '地域']],
    examples: [['keys list --account prod --region cn-hangzhou', 'prod 在杭州的密钥']],
  },
  'keys health': {
    summary: '所有在用密钥的健康状况',
    usage: ['keys health [--account NAME] [--cached] [--json]'],
    about: '在用密钥没有问题时退出码为 0，有严重问题为 5，只有警告为 6。',
    options: [ACCOUNT, ['--cached', '使用最后一次集群快照（密钥仍在线读取）']],
    examples: [['keys health --json', '用于定时任务或 CI']],
  },
  'keys fix': {
    summary: '启用密钥、取消删除或开启删除保护',
    usage: [
      'keys fix KEY_ID (--enable | --cancel-deletion | --deletion-protection) [--account NAME] [--region ID] [--dry-run] [--yes] [--json]',
    ],
    about:
      '在终端中需输入 "yes" 确认；没有终端时需要 --yes。--dry-run 会读取密钥，打印其状态和\n将发送的 KMS 请求，或说明无需操作。',
    options: [
      ['--enable', '启用已禁用的密钥（KMS EnableKey）'],
      ['--cancel-deletion', '取消计划中的删除（KMS CancelKeyDeletion）'],
      ['--deletion-protection', '开启删除保护（KMS SetDeletionProtection）'],
      ACCOUNT,
      ['--region ID', '密钥所在地域（默认：从集群快照得出）'],
      DRY,
      ['--yes', '不询问（脚本）'],
    ],
    examples: [
      ['keys fix key-hz123 --cancel-deletion', '取消 key-hz123 的删除'],
      ['keys fix key-hz123 --deletion-protection --dry-run', '将要发送的内容'],
    ],
  },
  check: {
    summary: '运行开启或关闭落盘加密的检查清单',
    usage: ['check CLUSTER (--key KEY | --disable) [--account NAME] [--json]'],
    about: '每个前提条件及其依据和修复方法；退出码 0 就绪，3 未就绪。',
    options: [CLUSTER, KEY, ['--disable', '关闭落盘加密的检查清单'], ACCOUNT],
    examples: [
      ['check edge-hz-1 --key alias/ack-secrets', 'edge-hz-1 能否用此密钥加密？'],
      ['check c8d2f… --disable --json', '关闭的检查清单，JSON 输出'],
    ],
  },
  enable: {
    summary: '开启 Secret 落盘加密',
    usage: ['enable CLUSTER --key KEY [--account NAME] [--dry-run] [--wait] [--json]'],
    about:
      '先运行检查清单，再以密钥 ID 发送 CS UpdateKMSEncryption（别名先解析为密钥 ID）。\n检查清单未就绪时退出码为 3。',
    options: [
      CLUSTER,
      KEY,
      ACCOUNT,
      DRY,
      ['--wait', '跟踪变更直到结束（每 30 秒一行；Ctrl-C 只停止跟踪）'],
    ],
    examples: [
      ['enable edge-hz-1 --key alias/ack-secrets --wait', '开启并跟踪'],
      ['enable edge-hz-1 --key key-hz123 --dry-run', '将要发送的内容'],
    ],
  },
  disable: {
    summary: '关闭 Secret 落盘加密（需输入集群名称确认）',
    usage: ['disable CLUSTER [--account NAME] [--dry-run] [--yes] [--wait] [--json]'],
    about:
      '先运行并打印检查清单；只有就绪时才在终端中要求输入集群名称确认（未就绪：退出码 3，\n不询问）。没有终端时需要 --yes。未确认时退出码为 2。',
    options: [CLUSTER, ACCOUNT, DRY, ['--yes', '不询问（脚本）'], ['--wait', '跟踪变更直到结束']],
    examples: [
      ['disable edge-hz-1 --wait', '确认后跟踪'],
      ['disable edge-hz-1 --yes --json', '在脚本中'],
    ],
  },
  status: {
    summary: '集群最近一次变更；--wait 继续跟踪',
    usage: ['status CLUSTER [--account NAME] [--wait] [--json]'],
    about: '最近记录的变更；没有记录时显示集群当前状态。',
    options: [CLUSTER, ACCOUNT, ['--wait', '跟踪未结束的变更直到结束']],
    examples: [['status edge-hz-1 --wait', '在 Ctrl-C 或崩溃后继续跟踪变更']],
  },
  verify: {
    summary: '最近一次变更的操作审计（ActionTrail）验证',
    usage: ['verify CLUSTER [--receipt FILE] [--account NAME] [--json]'],
    about: '查找 ACK 服务角色使用该集群密钥的 KMS 调用。',
    options: [
      CLUSTER,
      ['--receipt FILE', '保存验证回执（FILE.json 为 JSON，否则为文本）'],
      ACCOUNT,
    ],
    examples: [['verify edge-hz-1 --receipt edge-hz-1.json', '保存验证回执']],
  },
  audit: {
    summary: '本机的变更和修复审计日志',
    usage: ['audit [--account NAME] [--cluster CLUSTER] [--since WHEN] [--limit N] [--json]'],
    about: '从本机进行的每次变更和修复，最新的在前。',
    options: [
      ACCOUNT,
      ['--cluster CLUSTER', '集群 ID 或名称'],
      ['--since WHEN', '时长（30m、24h、7d）或日期（2026-12-01、2026-12-01T08:00）'],
      ['--limit N', '最多 N 条'],
    ],
    examples: [
      ['audit --since 7d', '最近一周'],
      ['audit --cluster edge-hz-1 --json', '一个集群，JSON 输出'],
    ],
  },
  batch: {
    summary: '规划并执行跨多个集群的批量变更',
    usage: ['batch plan|apply|list|show ...'],
    about: [
      'PLAN.json 说明要做的变更以及针对哪些集群：',
      '  {"action": "enable", "keyId": "alias/ack-secrets",',
      '   "scope": {"accountIds": ["Retail"], "regionIds": ["cn-hangzhou"],',
      '             "clusterIds": ["c123…"], "onlyNotEncrypted": true}}',
      'keyId（仅 enable）：密钥 ID、别名（在每个集群所在地域解析）或 ARN；',
      'keys（仅 enable）：按账号和地域指定密钥，例如',
      '  "keys": [{"accountId": "Retail", "regionId": "cn-hangzhou", "keyId": "alias/retail-hz"}]',
      '  （密钥属于一个账号和一个地域；条目优先于该账号和地域的 keyId）；',
      'keyChoice "recommended"（仅 enable）：其余账号和地域各用其唯一推荐密钥',
      '  （符合条件、已开启删除保护、未被其他集群使用），否则跳过：请指定密钥；',
      'scope 可省略，每个字段缩小范围；账号和集群可用名称或 ID（多个集群同名时列出候选并\n拒绝，退出码 2）。',
    ].join('\n'),
    options: [],
    examples: [
      ['batch plan --file plan.json', '检查每个集群并保存计划'],
      ['batch apply --id b-20261201-1', '执行已保存的计划（输入集群数量确认）'],
    ],
  },
  'batch plan': {
    summary: '检查计划中的每个集群并保存计划',
    usage: ['batch plan --file PLAN.json [--json]'],
    about: '每个集群为就绪，或跳过并说明原因。没有就绪的集群时退出码为 3。',
    options: [['--file PLAN.json', '计划文件（见：help batch）']],
    examples: [['batch plan --file plan.json', '规划并显示']],
  },
  'batch apply': {
    summary: '执行计划（需输入集群数量确认）',
    usage: [
      'batch apply --file PLAN.json [--concurrency N] [--dry-run] [--yes] [--json]',
      'batch apply --id BATCH_ID [--concurrency N] [--dry-run] [--yes] [--json]',
    ],
    about: [
      '先显示计划，然后在终端中输入就绪集群的数量以确认；没有终端时需要 --yes。',
      '同时变更 N 个集群（默认 3，最多 10），每个集群开始前重新检查。',
      '所有就绪集群成功时退出码为 0，否则为 1，没有就绪集群时为 3。',
      '中途停止后，用 batch apply --id BATCH_ID 继续。',
    ].join('\n'),
    options: [
      ['--file PLAN.json', '先规划，显示计划并询问'],
      ['--id BATCH_ID', '已保存的计划'],
      ['--concurrency N', '同时变更的数量（1-10）'],
      DRY,
      ['--yes', '不询问（脚本）'],
    ],
    examples: [
      ['batch apply --file plan.json', '规划、显示、确认、执行'],
      ['batch apply --id b-20261201-1 --yes', '在脚本中'],
      ['batch apply --file plan.json --dry-run', '将要发送的请求'],
    ],
  },
  'batch list': {
    summary: '已保存的批量变更',
    usage: ['batch list [--json]'],
    about: '每个批量变更及其状态和计数。',
    options: [],
    examples: [['batch list', '所有批量变更']],
  },
  'batch show': {
    summary: '一个批量变更的逐个集群情况',
    usage: ['batch show BATCH_ID [--json]'],
    about: '计划、状态以及每个集群的一行。',
    options: [],
    examples: [['batch show b-20261201-1', '一个批量变更']],
  },
};
