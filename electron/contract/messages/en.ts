// The English words of every message the core sends to a person (checklist summaries and
// fixes, evidence labels and values). `{name}` is a parameter; the zh-CN catalog must have the
// same keys (a missing key is a type error) and may use only these parameters (a test checks).
// The English text is also the language-neutral `summary`/`hint` kept for logs and `--json`.
import { batchEn } from './batch-en';
import { errorsEn } from './errors-en';
import { preflightEn } from './preflight-en';

export const en = {
  // couldNotCheck: {what} is English only; the window shows the check's title beside it.
  'check.notChecked.permission': 'Could not check {what}: the caller may not read it ({code}).',
  'check.notChecked.unavailable': 'Could not check {what}: {detail}',
  'check.notChecked.error': 'Could not check {what}: {kind}. Try again.',
  'check.notChecked.bug': 'Could not check: {detail}',
  'check.notChecked.noKey': 'Not checked: no key is known for this change.',
  'check.notChecked.keyMissing': 'Not checked: key {key} does not exist in {region}.',
  /** The CLI's one line for the checks that could not run because another failed first. */
  'check.notChecked.group': 'Not checked because of {cause}: {ids}.',

  'check.cluster.edition.edgePro': 'The cluster is an ACK Edge Pro cluster.',
  'check.cluster.edition.pro': 'The cluster is an ACK Pro cluster.',
  'check.cluster.edition.notPro': 'Secret encryption needs a Pro cluster; this one is {edition}.',
  'fix.cluster.edition.upgrade':
    'Upgrade the cluster to the Pro edition (cluster basic information > Upgrade to Pro), then check again.',
  'check.cluster.state.running': 'The cluster is running.',
  'check.cluster.state.notRunning': 'The cluster is {state}; a change needs it running.',
  'fix.cluster.state.updating': 'Wait for the current update to end, then check again.',
  'fix.cluster.state.updatingFailed':
    'The last update of the cluster failed. See its tasks and events in the console (after a KMS change: is the key still enabled?), fix the cause and bring the cluster back to running, then check again.',
  'fix.cluster.state.other':
    'Bring the cluster back to running (see its events in the console), then check again.',
  'check.cluster.cooldown.blocked':
    'The last encryption change ended less than 5 minutes ago ({source}); the cloud refuses another until {until} (HTTP 409).',
  'check.cluster.cooldown.maybe':
    'The cluster changed less than 5 minutes ago ({source}); if that was an encryption change (in the console, say, not yet in ActionTrail), the cloud refuses another until {until}.',
  'check.cluster.cooldown.ended': 'The last encryption change ended more than 5 minutes ago.',
  'check.cluster.cooldown.none': 'No encryption change ended in the last 5 minutes.',
  'fix.cluster.cooldown.wait': 'Wait until {until}, then check again.',
  'fix.cluster.cooldown.waitToBeSafe': 'To be safe, wait until {until}, then check again.',
  'check.cluster.encryption.unreadable':
    'The cluster metadata does not say whether Secrets are encrypted.',
  'check.cluster.encryption.encrypted': 'Secrets are encrypted with {keyId}.',
  'check.cluster.encryption.alreadyOff': 'Secret encryption is already off.',
  'check.cluster.encryption.alreadyWithKey': 'Secrets are already encrypted with {keyId}.',
  'check.cluster.encryption.changesKey':
    'Secrets are encrypted with {keyId}; this changes the key.',
  'check.cluster.encryption.off': 'Secret encryption is off.',
  'fix.nothingToDo': 'Nothing to do.',

  'check.key.exists.noKey': 'No key was chosen.',
  'fix.key.exists.choose': 'Choose an eligible key.',
  'check.key.exists.found': 'Key {key} exists.',
  'check.key.exists.missing': 'Key {key} does not exist in {region} ({code}).',
  'check.key.exists.missingArnElsewhere':
    "Key {key} does not exist in {region} ({code}). The ARN names region {arnRegion}; the key must be in the cluster's region.",
  'fix.key.exists.chooseOrCreate':
    'Choose a key that exists in {region}, or create one (Aliyun_AES_256, ENCRYPT/DECRYPT).',
  'check.key.region.same': 'The key is in {region}, like the cluster.',
  'check.key.region.other': 'The key is in {keyRegion}; the cluster is in {region}.',
  'check.key.region.unknown': 'The key is in an unknown region; the cluster is in {region}.',
  'fix.key.region.use': 'Use a key in {region}.',
  'check.key.spec.ok': 'Key spec is {spec}.',
  'check.key.spec.wrong': 'Key spec is {actual}; ACK needs {spec}.',
  'fix.key.spec.use': 'Use an {spec} key.',
  'check.key.usage.ok': 'Key usage is {usage}.',
  'check.key.usage.wrong': 'Key usage is {actual}; ACK needs {usage}.',
  'fix.key.usage.use': 'Use a {usage} key.',
  'check.key.state.notEnabled': 'The key is {state}; it must be Enabled.',
  'fix.key.state.cancelDeletionOrChoose': 'Cancel the key deletion, or choose another key.',
  'fix.key.state.enableOrChoose': 'Enable the key, or choose another key.',
  'check.key.state.enabled': 'The key is Enabled.',
  'check.key.state.enabledKeepIt':
    'The key is Enabled. Keep it enabled until the change has ended: the cluster needs it to decrypt its Secrets.',
  'check.key.state.disablePendingDeletion':
    'The key is pending deletion: turning encryption off needs it to decrypt every Secret. Cancel the key deletion first, then disable.',
  'check.key.state.disablePendingDeletionOn':
    'The key is pending deletion (deleted for good on {date}): turning encryption off needs it to decrypt every Secret. Cancel the key deletion first, then disable.',
  'fix.key.state.cancelDeletion':
    'Cancel the key deletion (it returns to Enabled), then run the checklist again.',
  'check.key.state.disableDisabled':
    'The key is Disabled: turning encryption off needs it to decrypt every Secret. Enable the key first, then disable.',
  'fix.key.state.enable': 'Enable the key, then run the checklist again.',
  'check.key.state.disableOther':
    'The key is {state}: turning encryption off needs it Enabled to decrypt every Secret.',
  'fix.key.state.makeUsable':
    'Make the key usable again in the KMS console, then run the checklist again.',
  'check.key.rotation.on': 'Automatic rotation is on; the ACK Edge document requires it off.',
  'fix.key.rotation.off': 'Turn automatic rotation off for this key, or choose another key.',
  'check.key.rotation.suspended': 'Automatic rotation is suspended; it must not be turned back on.',
  'check.key.rotation.off': 'Automatic rotation is off.',
  'check.key.rotation.unreported': 'KMS did not say whether automatic rotation is on.',
  'check.key.rotation.strange':
    'KMS reported automatic rotation as "{value}", which this app does not know.',
  'fix.key.rotation.look':
    'Look at the rotation setting of this key in the KMS console: it must be off.',
  'check.key.creator.service':
    'The key was created by a cloud service ({creator}); ACK needs a customer key.',
  'fix.key.creator.own': 'Choose a key you created.',
  'check.key.creator.customer': 'The key is a customer key.',
  'check.key.deletionProtection.on': 'Deletion protection is on.',
  'check.key.deletionProtection.unreported': 'KMS did not say whether deletion protection is on.',
  'check.key.deletionProtection.strange':
    'KMS reported deletion protection as "{value}", which this app does not know.',
  'fix.key.deletionProtection.look':
    'Look at the deletion protection of this key in the KMS console, and turn it on.',
  'check.key.deletionProtection.off':
    "Deletion protection is off: deleting this key would make the cluster's API server unable to read Secrets.",
  'fix.key.deletionProtection.turnOn': 'Turn on deletion protection for this key.',

  'check.role.attached': '{role} exists with {policy}.',
  'check.role.notAttached': '{role} exists but {policy} is not attached.',
  'check.role.missing': '{role} does not exist: ACK cannot use KMS for this account.',
  'fix.role.authorise': 'Authorise {role} for Container Service (creates the role with {policy}).',
  'fix.role.askAdmin':
    'Ask an administrator to confirm in the RAM console that {role} exists with {policy}.',
  'check.caller.kms.root': 'The caller is the root account, which may use every key.',
  'check.caller.kms.granted': 'The caller has {policy} (through {via}).',
  'check.caller.kms.lacks': 'The caller lacks {policy}.',
  'fix.caller.kms.attach':
    'Attach the system policy {policy} to the RAM user (or its group, or the role).',
  'fix.caller.kms.askAdmin':
    'The caller may not read its own RAM policies. Ask an administrator to confirm that {arn} has {policy}.',
  'check.caller.rbac.root': 'The caller is the root account, which owns every cluster.',
  'check.caller.rbac.granted': 'The caller is {role} on {resource}.',
  'check.caller.rbac.grantedPeer': 'The caller is {role} on {resource} (as seen by {viewer}).',
  'check.caller.rbac.deniedPeer':
    'The caller is not admin or O&M (ops) on this cluster (as seen by {viewer}); the cloud would answer ForbiddenUpdateKMSState.',
  'check.caller.rbac.invisible':
    'No admin or O&M (ops) grant on this cluster is visible to the caller; as a RAM user or role it sees grants only where it is RBAC administrator, so check by hand.',
  'fix.caller.rbac.grant':
    'Grant the RAM user or role the Administrator or O&M Engineer RBAC role on this cluster (ACK console > Authorizations).',
  'fix.caller.rbac.checkByHand':
    "A RAM user or role sees only the RBAC grants of clusters where it is administrator, so an O&M grant is invisible to it. Check in the ACK console (Authorizations) that {arn} is Administrator or O&M Engineer on this cluster, or save this Alibaba Cloud account's root AccessKey (or an RBAC administrator) as another account so the app can tell.",

  // network.kmsEgress. {reason} is the evaluator's English sentence: the window shows the same
  // facts as labelled evidence, so the zh-CN text points there instead.
  'check.egress.blocked': 'The KMS plugin cannot reach {host} ({cidr}): {reason}',
  'check.egress.blockedPartlyUnread':
    'The KMS plugin cannot reach {host} ({cidr}): {reason} Some rules could not be read (see evidence).',
  'check.egress.manual':
    'The caller may not read {unread}, so whether the KMS plugin can reach {host} ({cidr}) must be checked by hand.',
  'check.egress.noSecurityGroup':
    'The cluster reports no security group, so egress to {host} ({cidr}) cannot be evaluated.',
  'check.egress.unread':
    'Could not read {unread} ({kind}), so egress to {host} ({cidr}) is unknown.',
  'check.egress.uncertain':
    'Whether the KMS plugin can reach {host} ({cidr}) is uncertain: {reason}',
  'check.egress.allowedWithAcls':
    "Security group {sgId} and {aclCount} network ACL(s) of the cluster's vSwitches allow HTTPS and DNS to {cidr}, where {host} lives.",
  'check.egress.allowedNoAcl':
    'Security group {sgId} allows (no network ACL is bound to the vSwitches) HTTPS and DNS to {cidr}, where {host} lives.',
  'fix.egress.grantOrCheck':
    'Grant the caller {policies}, or check by hand: in the ECS console open security group {sgId}, Outbound rules: an Allow rule for all protocols (or TCP 443) to {cidr} or a wider range must come before any Drop rule covering part of it (a smaller priority number wins; at equal priority Drop wins); an advanced (enterprise) group denies whatever no rule allows. Then in the VPC console open {acl}: an outbound entry allowing {cidr} and an inbound entry allowing replies from it to ports 1024-65535 must each come before any drop entry covering that range; an ACL with no entries denies everything.',
  'fix.egress.findSecurityGroup':
    "Find the cluster's control-plane security group in the ACK console (cluster information) and check that its outbound rules allow {cidr} (Allow, all protocols, all ports (-1/-1), destination {cidr}, priority 1).",
  'fix.egress.cloudSilent':
    'The cloud did not answer ({detail}). Check the network, proxy and endpoint settings and run the check again.',
  'fix.egress.addSgRule':
    'In security group {sgId}, add the outbound rule Allow, all protocols, all ports (-1/-1), destination {cidr}, priority 1.',
  'fix.egress.addSgRuleRemoveDrop':
    'In security group {sgId}, add the outbound rule Allow, all protocols, all ports (-1/-1), destination {cidr}, priority 1, and remove or narrow {dropRule} (a Drop at priority 1 wins over an Allow at the same priority).',
  'fix.egress.aclOutbound':
    'In network ACL {aclId}, add an outbound rule allowing all protocols to {cidr}, above any drop entry covering that range (entries apply in order).',
  'fix.egress.aclInbound':
    'In network ACL {aclId}, add an inbound rule allowing all protocols (ports 1024-65535 at least) from {cidr}, above any drop entry covering that range (entries apply in order).',
  'fix.egress.aclBoth':
    'In network ACL {aclId}, add an outbound rule allowing all protocols to {cidr} and an inbound rule allowing all protocols (ports 1024-65535 at least) from {cidr}, above any drop entry covering that range (entries apply in order).',
  'fix.egress.aclInFlux': 'Run the check again when network ACL {aclId} is Available.',
  'fix.egress.aclByHand':
    "Check by hand that the network ACLs of the cluster's vSwitches allow {cidr} outbound and replies from it inbound (ports 1024-65535).",
  'fix.egress.default':
    "Allow all protocols to {cidr} in the cluster's security group and network ACLs.",
  // Evidence: a label per field (patterns with an id or probe carry it as a parameter) and words
  // for the enumerated values. Ids, ARNs, dates and request ids are shown as they are.
  'evidence.keyId': 'Key ID',
  'evidence.keyRef': 'Key as requested (alias or ARN)',
  'evidence.arn': 'ARN',
  'evidence.requestId': 'Request ID',
  'evidence.errorCode': 'Error code',
  'evidence.message': 'Error message',
  'evidence.keyRegion': 'Key region',
  'evidence.clusterRegion': 'Cluster region',
  'evidence.keySpec': 'Key spec',
  'evidence.keyUsage': 'Key usage',
  'evidence.keyState': 'Key state',
  'evidence.deleteDate': 'Deletion date',
  'evidence.automaticRotation': 'Automatic rotation',
  'evidence.creator': 'Created by',
  'evidence.deletionProtection': 'Deletion protection',
  'evidence.clusterType': 'Cluster type',
  'evidence.profile': 'Cluster profile',
  'evidence.clusterSpec': 'Cluster spec',
  'evidence.state': 'Cluster state',
  'evidence.clusterUpdated': 'Cluster last updated',
  'evidence.changeRecord': 'ActionTrail record of the last change',
  'evidence.actionTrail': 'ActionTrail',
  'evidence.unread': 'Could not read',
  'evidence.lastChangeEndedAt': 'Last change ended',
  'evidence.source': 'Seen in',
  'evidence.waitSeconds': 'Seconds to wait',
  'evidence.waitUntil': 'Wait until',
  'evidence.encrypted': 'Secrets encrypted',
  'evidence.currentKeyId': 'Current key ID',
  'evidence.roleArn': 'Service role ARN',
  'evidence.policyAttached': 'Policy attached',
  'evidence.policiesRequestId': 'Request ID (role policies)',
  'evidence.identityType': 'Caller type',
  'evidence.policyRequestIds': 'Request IDs (caller policies)',
  'evidence.policy': 'Policy',
  'evidence.via': 'Granted through',
  'evidence.policies': 'Policies of the caller',
  'evidence.viewer': 'Seen by account',
  'evidence.viewedAs': 'Seen as',
  'evidence.grants': 'RBAC grants on this cluster',
  'evidence.visibility': 'Grants visible',
  'evidence.notCheckedBecause': 'Not checked because of',
  'evidence.regionId': 'Region',
  'evidence.target': 'Destination',
  'evidence.securityGroupId': 'Security group',
  'evidence.securityGroupType': 'Security group type',
  'evidence.securityGroupVpcId': 'VPC of the security group',
  'evidence.securityGroupEgressRules': 'Outbound rules in the security group',
  'evidence.decidedBy': 'Decided by',
  'evidence.vswitchIds': 'vSwitches',
  'evidence.sg.verdict': 'Security group, {probe}: result',
  'evidence.sg.decision': 'Security group, {probe}: decision',
  'evidence.sg.reason': 'Security group, {probe}: why',
  'evidence.sg.ruleId': 'Security group, {probe}: rule',
  'evidence.sg.priority': 'Security group, {probe}: rule priority',
  'evidence.sg.policy': 'Security group, {probe}: rule action',
  'evidence.sg.protocol': 'Security group, {probe}: rule protocol',
  'evidence.sg.portRange': 'Security group, {probe}: rule ports',
  'evidence.sg.cidr': 'Security group, {probe}: rule destination',
  'evidence.sg.caveat': 'Security group, {probe}: uncertain rule',
  'evidence.vswitch.networkAclId': 'Network ACL of vSwitch {id}',
  'evidence.acl.verdict': 'Network ACL {id}: result',
  'evidence.acl.status': 'Network ACL {id}: status',
  'evidence.acl.vswitchIds': 'Network ACL {id}: vSwitches',
  'evidence.acl.reason': 'Network ACL {id}: why',
  'evidence.acl.decision': 'Network ACL {id}, {direction}: decision',
  'evidence.acl.entryId': 'Network ACL {id}, {direction}: entry',
  'evidence.acl.entryName': 'Network ACL {id}, {direction}: entry name',
  'evidence.acl.entry': 'Network ACL {id}, {direction}: entry details',
  'evidence.requestIds': 'Request IDs ({action})',
  'evidence.error': 'Error ({what})',
  'evidence.probe.https': 'HTTPS (TCP 443)',
  'evidence.probe.dns': 'DNS (UDP 53)',
  'evidence.direction.egress': 'outbound',
  'evidence.direction.ingress': 'inbound',

  'value.yes': 'yes',
  'value.no': 'no',
  'value.pass': 'pass',
  'value.fail': 'fail',
  'value.warn': 'warning',
  'value.explicitAccept': 'allowed by a rule',
  'value.explicitDrop': 'dropped by a rule',
  'value.implicitAllow': 'allowed by default (basic group without outbound rules)',
  'value.source.journal': "this app's change journal",
  'value.source.cluster updated': "the cluster's last update",
  'value.implicitDeny': 'denied by default (nothing allows it)',
  'value.empty': 'no entries (denies everything)',
  'value.partialDrop': 'partly dropped by a rule',
  'value.partialAccept': 'only partly allowed',
  'value.basicUnconfirmed': 'basic group, default allow not confirmed',
  'value.typeUnknown': 'group type unknown',
  'value.read': 'read',
  'value.unread': 'could not be read',
  'value.RAMUser': 'RAM user',
  'value.AssumedRoleUser': 'RAM role (assumed)',
  'value.no-endpoint': 'no endpoint in this region',
  'value.clusters-where-caller-is-admin': 'only clusters where the caller is RBAC administrator',
  'value.Account': 'root account',
  'value.keyState.Enabled': 'Enabled',
  'value.keyState.Disabled': 'Disabled',
  'value.keyState.PendingDeletion': 'Pending deletion',
  'value.setting.Enabled': 'on',
  'value.setting.Disabled': 'off',
  'value.setting.Suspended': 'suspended',
  'value.sgType.normal': 'basic security group',
  'value.sgType.enterprise': 'advanced (enterprise) security group',

  // In their own files: the errors and notices a person meets, a batch's reasons, the
  // create preflight.
  ...errorsEn,
  ...batchEn,
  ...preflightEn,

  // a cooldown's source from the cloud ({source} "actiontrail" or "task"; the time in
  // the reader's clock), and the evidence's word for each kind of source.
  'value.source.actiontrail': 'ActionTrail event {sourceEvent} at {sourceAt}',
  'value.source.task': 'task {sourceTask} ({sourceTaskType}) ended at {sourceAt}',
  'value.sourceKind.journal': "this app's change journal",
  'value.sourceKind.cluster updated': "the cluster's last update",
  'value.sourceKind.actiontrail': 'an ActionTrail event',
  'value.sourceKind.task': 'a task of the cluster',
  'evidence.sourceDetail': 'Event or task',
  // a batch item whose change ended without success (the operation's own text is kept
  // beside it in English).
  'batch.error.operationEnded': 'The change ended: {outcome} ({code}).',
  'value.outcome.failed': 'failed',
  'value.outcome.rejected': 'rejected by the cloud',
  'value.outcome.timed-out': 'timed out',
  'value.outcome.unknown': 'outcome unknown',
  'batch.error.notStarted': 'The change could not be started ({code}).',
  // a cluster's state as a parameter (the glossary's words).
  'value.clusterState.running': 'running',
  'value.clusterState.updating': 'updating',
  'value.clusterState.failed': 'failed',
  'value.clusterState.initial': 'initial',
  'value.clusterState.deleting': 'deleting',
  'value.clusterState.updating_failed': 'updating_failed',
  'value.clusterState.stopped': 'stopped',
  'value.clusterState.unknown': 'unknown',

  // How a followed change ended (operations/assess.ts, follow.ts): the timeline and the batch
  // say it in the reader's language; the journal keeps the English beside it.
  'operation.end.succeeded': 'The cluster is running with the new setting.',
  'operation.end.unchanged': 'The cluster is running again but its encryption did not change.',
  'operation.end.state.updating_failed':
    'The cluster failed to be updated (state updating_failed): the change did not complete. Look at the events and tasks of the cluster in the console; the KMS key must stay enabled.',
  'operation.end.state.failed':
    'The cluster went failed (the schema describes it as "failed to be created"): the change did not complete. Look at the events of the cluster in the console; the KMS key must stay enabled.',
  'operation.end.state.stopped':
    'The cluster was stopped during the change (state stopped): the change cannot complete. Start the cluster, check its encryption, then try again if needed.',
  'operation.end.state.deleting':
    'The cluster is being deleted (state deleting): the change cannot complete.',
  'operation.end.state.deleted':
    'The cluster was deleted (state deleted): the change cannot complete.',
  'operation.end.state.delete_failed':
    'The cluster failed to be deleted (state delete_failed): the change cannot complete. Look at the cluster in the console.',
  'operation.end.timedOut':
    'Stopped following after {minutes} minutes; the cluster was last {state}. The change may still end in the cloud: check the cluster later.',
  // While a poll of a change or a creation fails (operations/poll-note.ts).
  'follow.note.throttled': 'The cloud is throttling requests; checking less often.',
  'follow.note.auth':
    'The credentials were refused ({code}); still trying. Update the account if this persists.',
  'follow.note.server': 'The cloud answered with an error ({code}); trying again.',
  'follow.note.notVisible': 'The new cluster is not visible yet; checking again.',
  'follow.note.offline': 'No answer from the cloud (offline?); trying again.',
  'follow.note.lookingByName':
    'The answer to the request did not come back; looking for the cluster by name to find out whether it was created.',
  'operation.end.gone': 'The cluster no longer exists.',
  'operation.end.unknown':
    'The request may not have reached the cloud (the network failed while sending it), and the cluster never started updating. Check the cluster, then try again if needed.',
} as const;

export type MessageKey = keyof typeof en;
