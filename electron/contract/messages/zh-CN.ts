// 简体中文: the same keys as en.ts (a missing key is a type error), the glossary of UX.md.
// Parameters are a subset of the English ones (a test checks); ids, codes and CIDRs stay as is.
import { batchZhCN } from './batch-zh-CN';
import { errorsZhCN } from './errors-zh-CN';
import { preflightZhCN } from './preflight-zh-CN';
import type { MessageKey } from './en';

export const zhCN: Record<MessageKey, string> = {
  'check.notChecked.permission': '无法检查：调用者可能无权读取（{code}）。',
  'check.notChecked.unavailable': '无法检查：{detail}',
  'check.notChecked.error': '无法检查（{kind}），请重试。',
  'check.notChecked.bug': '无法检查：{detail}',
  'check.notChecked.noKey': '未检查：此变更没有已知的 KMS 密钥。',
  'check.notChecked.keyMissing': '未检查：KMS 密钥 {key} 在 {region} 中不存在。',
  'check.notChecked.group': '因 {cause} 未通过而未检查：{ids}。',

  'check.cluster.edition.edgePro': '集群为 ACK 边缘托管版（Pro）集群。',
  'check.cluster.edition.pro': '集群为 ACK 托管集群 Pro 版。',
  'check.cluster.edition.notPro': 'Secret 落盘加密需要 Pro 版集群；此集群为 {edition}。',
  'fix.cluster.edition.upgrade':
    '将集群升级为 Pro 版（集群基本信息 > 升级为 Pro 版），然后重新检查。',
  'check.cluster.state.running': '集群运行中。',
  'check.cluster.state.notRunning': '集群状态为 {state}；变更需要集群处于运行中。',
  'fix.cluster.state.updating': '请等待当前更新结束，然后重新检查。',
  'fix.cluster.state.updatingFailed':
    '集群上次更新失败。请在控制台查看其任务和事件（若是 KMS 变更之后：密钥是否仍处于启用中？），排除原因并使集群恢复运行中，然后重新检查。',
  'fix.cluster.state.other': '请使集群恢复运行中（在控制台查看其事件），然后重新检查。',
  'check.cluster.cooldown.blocked':
    '上一次加密变更结束不到 5 分钟（{source}）；在 {until} 之前云端会拒绝新的变更（HTTP 409）。',
  'check.cluster.cooldown.maybe':
    '集群在 5 分钟内有过变化（{source}）；如果那是一次加密变更（例如在控制台发起、尚未出现在操作审计（ActionTrail）中），在 {until} 之前云端会拒绝新的变更。',
  'check.cluster.cooldown.ended': '上一次加密变更已结束超过 5 分钟。',
  'check.cluster.cooldown.none': '最近 5 分钟内没有结束的加密变更。',
  'fix.cluster.cooldown.wait': '请等到 {until}，然后重新检查。',
  'fix.cluster.cooldown.waitToBeSafe': '为安全起见，请等到 {until}，然后重新检查。',
  'check.cluster.encryption.unreadable': '集群元数据未说明 Secret 是否已加密。',
  'check.cluster.encryption.encrypted': 'Secret 已使用 {keyId} 加密。',
  'check.cluster.encryption.alreadyOff': 'Secret 落盘加密已经关闭。',
  'check.cluster.encryption.alreadyWithKey': 'Secret 已经使用 {keyId} 加密。',
  'check.cluster.encryption.changesKey': 'Secret 已使用 {keyId} 加密；此变更将更换密钥。',
  'check.cluster.encryption.off': 'Secret 落盘加密未开启。',
  'fix.nothingToDo': '无需操作。',

  'check.key.exists.noKey': '尚未选择 KMS 密钥。',
  'fix.key.exists.choose': '请选择一个符合条件的 KMS 密钥。',
  'check.key.exists.found': 'KMS 密钥 {key} 存在。',
  'check.key.exists.missing': 'KMS 密钥 {key} 在 {region} 中不存在（{code}）。',
  'check.key.exists.missingArnElsewhere':
    'KMS 密钥 {key} 在 {region} 中不存在（{code}）。该 ARN 指向地域 {arnRegion}；密钥必须位于集群所在地域。',
  'fix.key.exists.chooseOrCreate':
    '请选择 {region} 中存在的 KMS 密钥，或新建一个（Aliyun_AES_256，ENCRYPT/DECRYPT）。',
  'check.key.region.same': 'KMS 密钥位于 {region}，与集群相同。',
  'check.key.region.other': 'KMS 密钥位于 {keyRegion}；集群位于 {region}。',
  'check.key.region.unknown': 'KMS 密钥所在地域未知；集群位于 {region}。',
  'fix.key.region.use': '请使用 {region} 中的 KMS 密钥。',
  'check.key.spec.ok': '密钥规格为 {spec}。',
  'check.key.spec.wrong': '密钥规格为 {actual}；ACK 需要 {spec}。',
  'fix.key.spec.use': '请使用 {spec} 规格的 KMS 密钥。',
  'check.key.usage.ok': '密钥用途为 {usage}。',
  'check.key.usage.wrong': '密钥用途为 {actual}；ACK 需要 {usage}。',
  'fix.key.usage.use': '请使用密钥用途为 {usage} 的 KMS 密钥。',
  'check.key.state.notEnabled': '密钥状态为 {state}；必须为启用中。',
  'fix.key.state.cancelDeletionOrChoose': '请取消密钥删除，或选择其他 KMS 密钥。',
  'fix.key.state.enableOrChoose': '请启用该密钥，或选择其他 KMS 密钥。',
  'check.key.state.enabled': 'KMS 密钥处于启用中。',
  'check.key.state.enabledKeepIt':
    'KMS 密钥处于启用中。变更结束前请保持启用：集群需要用它解密 Secret。',
  'check.key.state.disablePendingDeletion':
    'KMS 密钥处于待删除：关闭落盘加密需要用它解密每个 Secret。请先取消密钥删除，再关闭落盘加密。',
  'check.key.state.disablePendingDeletionOn':
    'KMS 密钥处于待删除（将于 {date} 彻底删除）：关闭落盘加密需要用它解密每个 Secret。请先取消密钥删除，再关闭落盘加密。',
  'fix.key.state.cancelDeletion': '请取消密钥删除（密钥将恢复为启用中），然后重新运行检查清单。',
  'check.key.state.disableDisabled':
    'KMS 密钥已禁用：关闭落盘加密需要用它解密每个 Secret。请先启用密钥，再关闭落盘加密。',
  'fix.key.state.enable': '请启用该密钥，然后重新运行检查清单。',
  'check.key.state.disableOther':
    '密钥状态为 {state}：关闭落盘加密需要密钥处于启用中以解密每个 Secret。',
  'fix.key.state.makeUsable':
    '请在密钥管理服务（KMS）控制台中使密钥恢复可用，然后重新运行检查清单。',
  'check.key.rotation.on': '自动轮转已开启；ACK 边缘托管版文档要求关闭。',
  'fix.key.rotation.off': '请关闭此密钥的自动轮转，或选择其他 KMS 密钥。',
  'check.key.rotation.suspended': '自动轮转已暂停；不得重新开启。',
  'check.key.rotation.off': '自动轮转已关闭。',
  'check.key.rotation.unreported': '密钥管理服务（KMS）未说明自动轮转是否开启。',
  'check.key.rotation.strange': '密钥管理服务（KMS）报告的自动轮转为“{value}”，本应用无法识别。',
  'fix.key.rotation.look': '请在密钥管理服务（KMS）控制台中查看此密钥的轮转设置：必须为关闭。',
  'check.key.creator.service': '此密钥由云服务创建（{creator}）；ACK 需要用户自己创建的密钥。',
  'fix.key.creator.own': '请选择您自己创建的 KMS 密钥。',
  'check.key.creator.customer': '此密钥由用户创建。',
  'check.key.deletionProtection.on': '删除保护已开启。',
  'check.key.deletionProtection.unreported': '密钥管理服务（KMS）未说明删除保护是否开启。',
  'check.key.deletionProtection.strange':
    '密钥管理服务（KMS）报告的删除保护为“{value}”，本应用无法识别。',
  'fix.key.deletionProtection.look':
    '请在密钥管理服务（KMS）控制台中查看此密钥的删除保护，并将其开启。',
  'check.key.deletionProtection.off':
    '删除保护未开启：删除此密钥会使集群的 API Server 无法读取 Secret。',
  'fix.key.deletionProtection.turnOn': '请为此密钥开启删除保护。',

  'check.role.attached': '{role} 存在，并已添加 {policy}。',
  'check.role.notAttached': '{role} 存在，但未添加 {policy}。',
  'check.role.missing': '{role} 不存在：ACK 无法为此账号使用密钥管理服务（KMS）。',
  'fix.role.authorise': '为容器服务授权 {role}（将创建该服务角色并添加 {policy}）。',
  'fix.role.askAdmin': '请联系管理员在 RAM 控制台中确认 {role} 存在并已添加 {policy}。',
  'check.caller.kms.root': '调用者是阿里云主账号，可以使用所有密钥。',
  'check.caller.kms.granted': '调用者拥有 {policy}（通过 {via}）。',
  'check.caller.kms.lacks': '调用者缺少 {policy}。',
  'fix.caller.kms.attach': '请为 RAM 用户（或其用户组、RAM 角色）授权系统策略 {policy}。',
  'fix.caller.kms.askAdmin':
    '调用者可能无权读取自己的 RAM 策略。请联系管理员确认 {arn} 拥有 {policy}。',
  'check.caller.rbac.root': '调用者是阿里云主账号，拥有所有集群。',
  'check.caller.rbac.granted': '调用者在 {resource} 上的 RBAC 权限为 {role}。',
  'check.caller.rbac.grantedPeer':
    '调用者在 {resource} 上的 RBAC 权限为 {role}（由 {viewer} 查看）。',
  'check.caller.rbac.deniedPeer':
    '调用者在此集群上不是管理员或运维人员（由 {viewer} 查看）；云端会返回 ForbiddenUpdateKMSState。',
  'check.caller.rbac.invisible':
    '调用者看不到此集群上的管理员或运维人员授权；RAM 用户或 RAM 角色只能看到自己拥有管理员权限的集群上的授权，请手动确认。',
  'fix.caller.rbac.grant':
    '请为 RAM 用户或 RAM 角色授予此集群的 RBAC 权限：管理员或运维人员（容器服务控制台 > 授权管理）。',
  'fix.caller.rbac.checkByHand':
    'RAM 用户或 RAM 角色只能看到自己拥有管理员权限的集群上的 RBAC 授权，因此运维人员的授权对其不可见。请在容器服务控制台（授权管理）中确认 {arn} 在此集群上是管理员或运维人员，或将此阿里云主账号的 AccessKey（或一个 RBAC 管理员）另存为一个账号，以便本应用判断。',

  'check.egress.blocked':
    'KMS 插件无法访问 {host}（{cidr}）：流量被拦截（详见依据中的“判定依据”）。',
  'check.egress.blockedPartlyUnread':
    'KMS 插件无法访问 {host}（{cidr}）：流量被拦截（详见依据中的“判定依据”）。部分规则无法读取。',
  'check.egress.manual':
    '调用者无权读取安全组或网络 ACL，因此需手动确认 KMS 插件能否访问 {host}（{cidr}）。',
  'check.egress.noSecurityGroup': '集群未报告安全组，无法评估到 {host}（{cidr}）的出方向访问。',
  'check.egress.unread':
    '无法读取安全组或网络 ACL（{kind}），到 {host}（{cidr}）的出方向访问未知。',
  'check.egress.uncertain':
    '无法确定 KMS 插件能否访问 {host}（{cidr}）（详见依据中的“判定依据”）。',
  'check.egress.allowedWithAcls':
    '安全组 {sgId} 和集群交换机的 {aclCount} 个网络 ACL 允许到 {cidr} 的 HTTPS 和 DNS 访问，{host} 位于该网段。',
  'check.egress.allowedNoAcl':
    '安全组 {sgId} 允许到 {cidr} 的 HTTPS 和 DNS 访问（交换机未绑定网络 ACL），{host} 位于该网段。',
  'fix.egress.grantOrCheck':
    '请为调用者授权 {policies}，或手动确认：在云服务器 ECS 控制台打开安全组 {sgId} 的出方向规则：允许全部协议（或 TCP 443）访问 {cidr}（或更大网段）的规则必须排在覆盖其中任何部分的拒绝规则之前（优先级数字越小越优先；优先级相同时拒绝优先）；企业级安全组会拒绝所有未被允许的流量。然后在专有网络 VPC 控制台打开 {acl}：允许出方向访问 {cidr} 的条目和允许其回包进入端口 1024-65535 的入方向条目，都必须排在覆盖该网段的拒绝条目之前；没有条目的网络 ACL 会拒绝一切。',
  'fix.egress.findSecurityGroup':
    '请在容器服务控制台（集群信息）中找到集群控制面的安全组，确认其出方向规则允许 {cidr}（允许，全部协议，全部端口（-1/-1），目的 {cidr}，优先级 1）。',
  'fix.egress.cloudSilent':
    '云端没有应答（{detail}）。请检查网络、代理和服务地址设置，然后重新检查。',
  'fix.egress.addSgRule':
    '在安全组 {sgId} 中添加出方向规则：允许，全部协议，全部端口（-1/-1），目的 {cidr}，优先级 1。',
  'fix.egress.addSgRuleRemoveDrop':
    '在安全组 {sgId} 中添加出方向规则：允许，全部协议，全部端口（-1/-1），目的 {cidr}，优先级 1；并删除或收窄 {dropRule}（优先级同为 1 时，拒绝规则优先于允许规则）。',
  'fix.egress.aclOutbound':
    '在网络 ACL {aclId} 中添加出方向规则：允许全部协议访问 {cidr}，并排在覆盖该网段的任何拒绝条目之前（条目按顺序生效）。',
  'fix.egress.aclInbound':
    '在网络 ACL {aclId} 中添加入方向规则：允许来自 {cidr} 的全部协议（至少端口 1024-65535），并排在覆盖该网段的任何拒绝条目之前（条目按顺序生效）。',
  'fix.egress.aclBoth':
    '在网络 ACL {aclId} 中添加出方向规则（允许全部协议访问 {cidr}）和入方向规则（允许来自 {cidr} 的全部协议，至少端口 1024-65535），并排在覆盖该网段的任何拒绝条目之前（条目按顺序生效）。',
  'fix.egress.aclInFlux': '请在网络 ACL {aclId} 变为可用后重新检查。',
  'fix.egress.aclByHand':
    '请手动确认集群交换机的网络 ACL 允许出方向访问 {cidr}，并允许其回包从入方向进入（端口 1024-65535）。',
  'fix.egress.default': '请在集群的安全组和网络 ACL 中允许全部协议访问 {cidr}。',

  'evidence.keyId': '密钥 ID',
  'evidence.keyRef': '请求中的密钥（别名或 ARN）',
  'evidence.arn': 'ARN',
  'evidence.requestId': '请求 ID',
  'evidence.errorCode': '错误码',
  'evidence.message': '错误信息',
  'evidence.keyRegion': '密钥地域',
  'evidence.clusterRegion': '集群地域',
  'evidence.keySpec': '密钥规格',
  'evidence.keyUsage': '密钥用途',
  'evidence.keyState': '密钥状态',
  'evidence.deleteDate': '删除日期',
  'evidence.automaticRotation': '自动轮转',
  'evidence.creator': '创建者',
  'evidence.deletionProtection': '删除保护',
  'evidence.clusterType': '集群类型',
  'evidence.profile': '集群子类型',
  'evidence.clusterSpec': '集群规格',
  'evidence.state': '集群状态',
  'evidence.clusterUpdated': '集群最后更新',
  'evidence.changeRecord': '上次变更的操作审计记录',
  'evidence.actionTrail': '操作审计（ActionTrail）',
  'evidence.unread': '无法读取',
  'evidence.lastChangeEndedAt': '上次变更结束于',
  'evidence.source': '来源',
  'evidence.waitSeconds': '需等待（秒）',
  'evidence.waitUntil': '等到',
  'evidence.encrypted': 'Secret 已加密',
  'evidence.currentKeyId': '当前密钥 ID',
  'evidence.roleArn': '服务角色 ARN',
  'evidence.policyAttached': '已添加策略',
  'evidence.policiesRequestId': '请求 ID（角色策略）',
  'evidence.identityType': '调用者类型',
  'evidence.policyRequestIds': '请求 ID（调用者策略）',
  'evidence.policy': '策略',
  'evidence.via': '授权途径',
  'evidence.policies': '调用者的策略',
  'evidence.viewer': '查看账号',
  'evidence.viewedAs': '查看身份',
  'evidence.grants': '此集群上的 RBAC 授权',
  'evidence.visibility': '可见的授权',
  'evidence.notCheckedBecause': '未检查的原因',
  'evidence.regionId': '地域',
  'evidence.target': '目的网段',
  'evidence.securityGroupId': '安全组',
  'evidence.securityGroupType': '安全组类型',
  'evidence.securityGroupVpcId': '安全组所属 VPC',
  'evidence.securityGroupEgressRules': '安全组出方向规则数',
  'evidence.decidedBy': '判定依据',
  'evidence.vswitchIds': '交换机',
  'evidence.sg.verdict': '安全组，{probe}：结果',
  'evidence.sg.decision': '安全组，{probe}：判定',
  'evidence.sg.reason': '安全组，{probe}：原因',
  'evidence.sg.ruleId': '安全组，{probe}：规则',
  'evidence.sg.priority': '安全组，{probe}：规则优先级',
  'evidence.sg.policy': '安全组，{probe}：规则授权策略',
  'evidence.sg.protocol': '安全组，{probe}：规则协议',
  'evidence.sg.portRange': '安全组，{probe}：规则端口范围',
  'evidence.sg.cidr': '安全组，{probe}：规则目的',
  'evidence.sg.caveat': '安全组，{probe}：不确定的规则',
  'evidence.vswitch.networkAclId': '交换机 {id} 的网络 ACL',
  'evidence.acl.verdict': '网络 ACL {id}：结果',
  'evidence.acl.status': '网络 ACL {id}：状态',
  'evidence.acl.vswitchIds': '网络 ACL {id}：交换机',
  'evidence.acl.reason': '网络 ACL {id}：原因',
  'evidence.acl.decision': '网络 ACL {id}，{direction}：判定',
  'evidence.acl.entryId': '网络 ACL {id}，{direction}：条目',
  'evidence.acl.entryName': '网络 ACL {id}，{direction}：条目名称',
  'evidence.acl.entry': '网络 ACL {id}，{direction}：条目详情',
  'evidence.requestIds': '请求 ID（{action}）',
  'evidence.error': '错误（{what}）',
  'evidence.probe.https': 'HTTPS（TCP 443）',
  'evidence.probe.dns': 'DNS（UDP 53）',
  'evidence.direction.egress': '出方向',
  'evidence.direction.ingress': '入方向',

  'value.yes': '是',
  'value.no': '否',
  'value.pass': '通过',
  'value.fail': '未通过',
  'value.warn': '警告',
  'value.explicitAccept': '被规则允许',
  'value.explicitDrop': '被规则拒绝',
  'value.implicitAllow': '默认允许（普通安全组，无出方向规则）',
  'value.source.journal': '本应用的变更记录',
  'value.source.cluster updated': '集群的最近一次更新',
  'value.implicitDeny': '默认拒绝（没有规则允许）',
  'value.empty': '没有条目（拒绝一切）',
  'value.partialDrop': '部分被规则拒绝',
  'value.partialAccept': '仅部分被允许',
  'value.basicUnconfirmed': '普通安全组，默认允许未经确认',
  'value.typeUnknown': '安全组类型未知',
  'value.read': '已读取',
  'value.unread': '无法读取',
  'value.RAMUser': 'RAM 用户',
  'value.AssumedRoleUser': 'RAM 角色（扮演角色）',
  'value.no-endpoint': '此地域没有服务地址',
  'value.clusters-where-caller-is-admin': '仅调用者为 RBAC 管理员的集群',
  'value.Account': '阿里云主账号',
  'value.keyState.Enabled': '启用中',
  'value.keyState.Disabled': '已禁用',
  'value.keyState.PendingDeletion': '待删除',
  'value.setting.Enabled': '已开启',
  'value.setting.Disabled': '已关闭',
  'value.setting.Suspended': '已暂停',
  'value.sgType.normal': '普通安全组',
  'value.sgType.enterprise': '企业级安全组',

  // In their own files: the errors and notices a person meets, a batch's reasons, the
  // create preflight.
  ...errorsZhCN,
  ...batchZhCN,
  ...preflightZhCN,

  // a cooldown's source from the cloud.
  'value.source.actiontrail': '操作审计（ActionTrail）事件 {sourceEvent}，时间 {sourceAt}',
  'value.source.task': '任务 {sourceTask}（{sourceTaskType}），结束于 {sourceAt}',
  'value.sourceKind.journal': '本应用的变更记录',
  'value.sourceKind.cluster updated': '集群的最近一次更新',
  'value.sourceKind.actiontrail': '操作审计（ActionTrail）事件',
  'value.sourceKind.task': '集群的任务',
  'evidence.sourceDetail': '事件或任务',
  // a batch item whose change ended without success.
  'batch.error.operationEnded': '变更已结束：{outcome}（{code}）。',
  'value.outcome.failed': '失败',
  'value.outcome.rejected': '被云端拒绝',
  'value.outcome.timed-out': '超时',
  'value.outcome.unknown': '结果未知',
  'batch.error.notStarted': '变更未能开始（{code}）。',
  // a cluster's state as a parameter.
  'value.clusterState.running': '运行中',
  'value.clusterState.updating': '更新中',
  'value.clusterState.failed': '失败',
  'value.clusterState.initial': '创建中',
  'value.clusterState.deleting': '删除中',
  'value.clusterState.updating_failed': '更新失败',
  'value.clusterState.stopped': '已停止',
  'value.clusterState.unknown': '未知',

  // How a followed change ended.
  'operation.end.succeeded': '集群已运行，新设置已生效。',
  'operation.end.unchanged': '集群已恢复运行，但其加密设置没有改变。',
  'operation.end.state.updating_failed':
    '集群更新失败（状态 updating_failed）：变更未完成。请在控制台查看集群的事件和任务；KMS 密钥必须保持启用。',
  'operation.end.state.failed':
    '集群进入失败状态（接口定义中为"创建失败"）：变更未完成。请在控制台查看集群的事件；KMS 密钥必须保持启用。',
  'operation.end.state.stopped':
    '变更期间集群被停止（状态 stopped）：变更无法完成。请启动集群，检查其加密设置，必要时重试。',
  'operation.end.state.deleting': '集群正在删除（状态 deleting）：变更无法完成。',
  'operation.end.state.deleted': '集群已删除（状态 deleted）：变更无法完成。',
  'operation.end.state.delete_failed':
    '集群删除失败（状态 delete_failed）：变更无法完成。请在控制台查看该集群。',
  'operation.end.timedOut':
    '已跟踪 {minutes} 分钟，停止跟踪；集群最后的状态为{state}。变更可能仍会在云端完成：请稍后查看集群。',
  // While a poll fails.
  'follow.note.throttled': '云端正在限流；将降低查询频率。',
  'follow.note.auth': '凭据被拒绝（{code}）；仍在重试。如果一直如此，请更新该账号。',
  'follow.note.server': '云端返回了错误（{code}）；正在重试。',
  'follow.note.notVisible': '新集群暂未可见；稍后再次查询。',
  'follow.note.offline': '云端没有应答（是否离线？）；正在重试。',
  'follow.note.lookingByName': '请求的应答没有返回；正在按名称查找该集群，以确认它是否已创建。',
  'operation.end.gone': '该集群已不存在。',
  'operation.end.unknown':
    '请求可能没有到达云端（发送时网络出错），且集群一直没有开始更新。请查看集群，必要时重试。',
};
