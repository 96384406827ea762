// 简体中文 of errors-en.ts: the same keys, the glossary of UX.md. A cloud
// error's `{detail}` is the English sentence with the cloud's own words, quoted as 原文.
import type { errorsEn } from './errors-en';

export const errorsZhCN: Record<keyof typeof errorsEn, string> = {
  'cloud.error.auth':
    '阿里云不接受此账号的凭据：AccessKey 无效或已禁用，或 STS 临时凭证已过期。请更新账号的凭据后重试。原文：{detail}',
  'cloud.error.permission.ram':
    '调用者没有此操作的 RAM 权限。请在 RAM 控制台为其授权后重试。原文：{detail}',
  'cloud.error.permission.rbac':
    '调用者在此集群上没有所需的 RBAC 权限。请集群的 RBAC 管理员授权后重试。原文：{detail}',
  'cloud.error.permission.serviceRole':
    'ACK 缺少服务角色的授权。请在 ACK 控制台完成服务角色授权后重试。原文：{detail}',
  'cloud.error.notFound': '阿里云找不到所请求的资源。原文：{detail}',
  'cloud.error.conflict': '阿里云因资源的当前状态拒绝了请求。请等其状态变化后重试。原文：{detail}',
  'cloud.error.throttled': '阿里云对请求限流。请稍后重试。原文：{detail}',
  'cloud.error.network': '没有收到阿里云的应答。请检查网络、代理和服务地址后重试。原文：{detail}',
  'cloud.error.server': '阿里云的服务出错。请稍后重试。原文：{detail}',
  'cloud.error.invalidInput': '阿里云认为请求参数无效。原文：{detail}',
  'cloud.error.proxy':
    '代理拒绝了本应用的凭据（HTTP 407），请求未到达阿里云。请检查代理设置。原文：{detail}',
  'cloud.error.tls':
    '服务地址（或代理）的证书未通过验证，未发送任何内容。请检查 CA 证书设置。原文：{detail}',
  'cloud.error.tooLarge':
    '应答过大，已停止读取；中间的代理或网关可能在代替阿里云应答。原文：{detail}',
  'cloud.error.badAnswer': '应答不可能正确（分页不结束、重复或溢出）。请重试。原文：{detail}',
  'cloud.error.unavailable': '此产品在此地域没有服务地址，未发送任何请求。原文：{detail}',

  'error.checklist.check': '{summary}',
  'error.checklist.failed.one': '1 项检查未通过：{checks}',
  'error.checklist.failed.many': '{count} 项检查未通过：{checks}',
  'error.checklist.unconfirmed': '变更所需的检查无法确认',
  'error.checklist.unconfirmedWith': '变更所需的检查无法确认：{checks}',
  'error.checklist.notReady': '未开始：{why}',
  'error.checklist.notReadyBoth': '未开始：{failed}；另外，{unconfirmed}',
  'error.checklist.nothingChecked': '未开始：检查清单中没有任何一项能够检查。',
  'error.refusal.rbac':
    '阿里云拒绝了此变更（{code}）：调用者在集群 {name}（{clusterId}）上没有 RBAC 管理员或运维人员权限。请集群的 RBAC 管理员授予其中之一（ACK 控制台 > 授权管理），然后重试。',
  'error.refusal.cooldown':
    '阿里云拒绝了此变更（HTTP 409）：此集群的上一次变更结束不到 {minutes} 分钟，或仍在进行中（冷却时间）。若上一次变更已结束，请等到 {until}（最多 5 分钟）后重试；若仍在进行中，请等集群恢复运行中后再等 5 分钟。',

  'error.account.notFound': '没有 ID 为 {id} 的账号。',
  'error.account.removedMeanwhile': '此账号已在此期间被删除。',
  'error.account.sourceRemoved': '源账号已在此期间被删除。',
  'error.account.sourceMissing': '源账号不存在。请选择一个已保存的账号。',
  'error.account.sourceGone': '账号“{name}”的源账号已不存在。请更新它，改用其他源账号。',
  'error.account.nameTaken': '名为“{name}”的账号已存在。',
  'error.account.changedElsewhere':
    '账号“{name}”已在别处被修改（另一个窗口或命令行）。请重新加载后重试。',
  'error.account.isSource':
    '账号“{name}”是 {dependants} 的源账号。请先删除或修改这些 RAM 角色账号。',
  'error.account.roleChainTooLong':
    '账号“{name}”的凭据要经过超过 {max} 个 RAM 角色（或角色账号之间形成循环）。请让它指向一个 AccessKey 账号。',
  'error.account.sourceLoop': '源账号的凭据来自此账号：这会形成循环。',
  'error.account.rootSource':
    '扮演角色（AssumeRole）必须由 RAM 用户或 RAM 角色调用：源账号“{name}”是阿里云主账号 {accountId} 的 AccessKey。请为账号 {accountId} 保存一个 RAM 用户的 AccessKey（授予 AliyunSTSAssumeRoleAccess），再由它扮演角色。',
  'error.cluster.noAccounts': '无法查找集群 {clusterId}：尚未保存任何账号。请先添加它所属的账号。',
  'error.cluster.notFound': '未找到集群 {clusterId}。请检查集群 ID，以及它的账号是否已保存在此。',
  'error.cluster.notFoundInOne':
    '在账号 {accounts} 中未找到集群 {clusterId}。请检查集群 ID，以及它的账号是否已保存在此。',
  'error.cluster.notFoundInMany':
    '在账号 {accounts} 中均未找到集群 {clusterId}。请检查集群 ID，以及它的账号是否已保存在此。',
  'error.change.inProgress':
    '集群 {name} 的一项变更仍在进行中（操作 {operationId}，可能由另一个窗口或命令行发起）。',
  'error.change.beingPrepared':
    '另一个 ACK Secret Guard 窗口或命令正在准备集群 {name} 的变更（{holder}）。请等它开始后，用“status”跟进。',
  'error.notFound.operation': '没有操作 {id}。',
  'error.verify.nothingToProve':
    '此处没有 {name} 的落盘加密变更记录，因此尚无可证明的内容。请先用本应用变更它（或在下一次变更后再检查）。',

  'error.account.name.empty': '请为账号命名。',
  'error.account.name.tooLong': '账号名称超过 64 个字符。',
  'error.account.name.control': '账号名称包含控制字符。',
  'error.account.stsKeyId': 'STS 临时凭证的 AccessKey ID 以“STS.”开头，后接字母和数字。',
  'error.account.keyIdIsSts':
    '这是临时（STS）AccessKey ID：请把它添加为 STS 临时凭证账号，并填写安全令牌和过期时间。',
  'error.account.keyId': 'AccessKey ID 由 12 到 64 个字母和数字组成（例如 LTAI5t…）。',
  'error.account.secretShape':
    'AccessKey Secret 必须是 8 到 128 个不含空格的可见字符（粘贴时是否带上了换行或空格？）。',
  'error.account.secretIsId': 'AccessKey Secret 与 AccessKey ID 相同：请粘贴 Secret，而不是 ID。',
  'error.account.tokenShape': '安全令牌至少为 16 个不含空格或换行的可见字符。',
  'error.account.expiryFormat': '过期时间“{text}”不是 ISO 8601 时间，例如 2026-01-31T12:00:00Z。',
  'error.account.expired': 'STS 临时凭证已于 {at} 过期；请获取新的凭证。',
  'error.account.roleArn':
    '“{arn}”不是 RAM 角色 ARN；它的格式为 acs:ram::<账号 ID>:role/<角色名称>。',
  'error.account.sessionName': '角色会话名称为 2 到 64 个字母、数字或字符 . @ - _。',
  'error.account.duration':
    '会话时长必须是 {min} 到 {max} 之间的整秒数（且不超过角色的最大会话时长）。',
  'error.account.externalId': '外部 ID 为 2 到 1224 个字母、数字或字符 + = , . @ : / - _。',
  'error.account.regionsEmpty': '请至少填写一个地域，或不填写以覆盖所有提供 ACK Edge 的地域。',
  'error.account.region': '“{region}”不是地域 ID，例如 cn-hangzhou。',
  'error.account.proxyNotUrl': '代理不是 URL；请使用例如 http://proxy.example:3128。',
  'error.account.proxyScheme': '代理 {proxy} 必须是 http:// 或 https:// URL。',
  'error.account.proxyPath': '代理 {proxy} 不能带路径或查询参数。',
  'error.account.proxyNoUser': '代理 URL 有密码但没有用户名。',
  'error.account.proxyPassword': '请输入代理密码；“****”表示已保存的密码。',
  'error.account.caPath': 'CA 证书文件路径 {path} 必须是绝对路径。',
  'error.account.secretNeeded': '新的 AccessKey ID 需要同时提供其 Secret。',
  'error.account.stsAllFour':
    '新的 STS 临时凭证自带 AccessKey ID、Secret 和过期时间：请四项都填写。',
  'error.import.noProfile': 'aliyun CLI 配置中没有配置文件“{profile}”。',
  'error.import.alreadySaved': '配置文件“{profile}”已保存为“{name}”。',
  'error.import.notJson': '{file} 不是有效的 JSON，因此不是 aliyun CLI 配置。',
  'error.import.noProfiles': '{file} 没有“profiles”列表，因此不是 aliyun CLI 配置。',
  'error.import.noConfig':
    '{file} 处没有 aliyun CLI 配置。请先运行“aliyun configure”，或给出配置文件的路径。',

  'error.keychain.missingItem':
    '系统钥匙串中没有账号“{name}”的凭据（其条目已被删除，或钥匙串已被重置）。请更新账号以重新保存。',
  'error.keychain.incompleteItem':
    '账号“{name}”在系统钥匙串中的条目不完整。请更新账号以重新保存凭据。',
  'error.keychain.badFormat':
    '此账号在系统钥匙串中的条目格式不符合预期。请更新账号以重新保存凭据。',
  'error.keychain.orphaned':
    '账号“{name}”已从列表中删除，但其系统钥匙串条目无法删除。{why} 之后可用以下命令删除：secret-tool clear service ack-secret-guard username {accountId}',
  'error.keychain.read': '无法从系统钥匙串读取账号的凭据：{advice}',
  'error.keychain.save': '无法把账号的凭据保存到系统钥匙串：{advice}',
  'error.keychain.delete': '无法从系统钥匙串删除账号的凭据：{advice}',
  'error.keychain.advice.no-session-bus':
    '没有 D-Bus 会话，无法连接 Secret Service。请在桌面会话中运行 ACK Secret Guard（或用 dbus-run-session 启动一个），使 DBUS_SESSION_BUS_ADDRESS 已设置。',
  'error.keychain.advice.no-secret-service':
    '没有运行中的 Secret Service。请安装并启动 gnome-keyring（apt-get install gnome-keyring；gnome-keyring-daemon --start --components=secrets），或启用 KWallet/KeePassXC 的 Secret Service。',
  'error.keychain.advice.no-keyring':
    'Secret Service 还没有默认钥匙串。请创建一个（Seahorse“密码和密钥”，或 gnome-keyring-daemon --unlock）后重试。',
  'error.keychain.advice.locked':
    '钥匙串已锁定，且无法显示解锁提示。请解锁（Seahorse“密码和密钥”，或把密码输入 gnome-keyring-daemon --unlock）后重试。',
  'error.keychain.advice.timeout':
    '系统钥匙串没有及时应答，可能正在等你在提示框中解锁：请解锁后重试。若没有提示框，请重启钥匙串服务（gnome-keyring-daemon --replace）。',
  'error.keychain.advice.failed': '系统钥匙串拒绝了请求。',
  'error.keychain.advice.failedWith': '系统钥匙串拒绝了请求。（{platform}）',

  'error.storage.cannotRead': '无法读取 {file}（{code}）。',
  'error.storage.accountsNewer':
    '账号文件由更新版本的 ACK Secret Guard 写入（格式版本 {version}，此版本读取 {supported}）。请更新应用；文件未被改动。',
  'error.storage.accountsUnreadable': '无法读取账号文件 {file}（{code}）。请检查其权限。',
  'error.storage.accountsCorrupt':
    '账号文件 {file} 无法读取（{why}）。它已保留为 {movedTo}；账号列表现在为空。请从该副本恢复，或重新添加账号（它们在系统钥匙串中的条目仍在）。',
  'error.storage.accountsUnwritable':
    '无法写入账号文件 {file}（{code}）。请检查数据文件夹的可用空间和权限。',
  'error.storage.journal': '无法写入 {file}（{code}）。请释放磁盘空间或修正权限；否则无法继续。',
  'error.storage.lockFile': '无法创建锁文件 {path}（{code}）。请检查数据文件夹是否可写。',
  'error.storage.accountsBusy':
    '另一个 ACK Secret Guard 进程{who}仍在写入账号文件；请稍后重试。若没有其他副本在运行，请删除 {path}。',
  'error.storage.auditLog':
    '审计日志 {file} 无法访问（{code}）。请检查数据文件夹是否存在、是否可写，以及磁盘是否已满。',

  'error.input.invalid': '{call} 的输入无效：{issues}',
  'error.input.unreadable': '{call} 的输入无效。',
  'error.internal': '{call} 中发生了意外错误。详情见日志文件。',

  'notice.auditUnwritable': '无法写入审计日志：{detail}',
  'notice.demoRestartFailed':
    '演示账号的模拟云无法重新启动（{detail}）。请删除演示账号后重新开始。',
  'notice.batchUnexpected': '批量变更 {batchId}：{detail}',
  'notice.batchUnexpectedCluster': '批量变更 {batchId}，集群 {clusterId}：{detail}',
  'notice.settingsUnreadable': '设置文件无法读取，已移至 {aside}；正在使用默认设置。',
  'notice.dataDir.notFolder':
    '数据文件夹 {dir} 不是文件夹。请把它移走，或用 --data-dir 或 {env} 选择另一个。',
  'notice.dataDir.otherOwner':
    '数据文件夹 {dir} 属于另一个用户（uid {uid}），该用户可以读取或修改其中的变更记录、审计日志和账号。请使用你自己的文件夹（--data-dir 或 {env}）。',
  'notice.dataDir.writable':
    '数据文件夹 {dir} 可被其他用户写入（权限 {mode}），他们可能篡改其中的变更记录和审计日志。请仅限你本人使用：chmod 700 "{dir}"。',
  // 密钥修复与新建密钥。
  'key.fix.refuse.pendingEnable':
    'KMS 密钥 {key} 待删除：请改为取消删除（取消后密钥恢复为已启用）。',
  'key.fix.refuse.notDisabled':
    'KMS 密钥 {key} 当前为{keyState}；只有已禁用的密钥可以启用。请在 KMS 控制台中查看。',
  'key.fix.refuse.pendingProtect':
    'KMS 密钥 {key} 待删除：请先取消删除；待删除的密钥无法开启删除保护。',
  'key.fix.notFixed':
    'KMS 已接受对 {key} 的 {call} 调用，但密钥读取结果为{keyState}（删除保护：{protection}）。请在 KMS 控制台中查看。',
  'key.create.aliasTaken':
    '别名 {alias} 已指向 {region} 中的 KMS 密钥 {keyId}。请为该组选择那个密钥，或换一个别名。',
  'key.create.quota':
    'KMS 拒绝在 {region} 新建密钥：该账号在此地域的密钥配额已用完（{detail}）。请在 KMS 实例中创建密钥（提供其 kst-… ID），或选择已有密钥。没有创建任何密钥。',
  'key.create.noAnswer':
    'CreateKey 没有收到应答（{detail}）。请求没有重发，{region} 中也尚未列出标记为 {mark} 的密钥。再次创建之前，请在 KMS 控制台中查找描述为“{description}”的密钥。',
  'key.create.confirm': '请输入别名以确认新密钥：{alias}（收到的是“{typed}”）。没有创建任何密钥。',
};
