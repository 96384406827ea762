// The English words of the errors and notices a person meets: spread into
// en.ts, so they are catalog keys like any other; errors-zh-CN.ts has the same keys. A
// GuardError built from one of these has exactly this text as its English `message`.
export const errorsEn = {
  // The cloud's refusals, one key per kind. The English text is the sentence composed where
  // the call failed (with the cloud's own words): `{detail}`. Other languages say what the kind
  // means and how to fix it, then quote that sentence.
  'cloud.error.auth': '{detail}',
  'cloud.error.permission.ram': '{detail}',
  'cloud.error.permission.rbac': '{detail}',
  'cloud.error.permission.serviceRole': '{detail}',
  'cloud.error.notFound': '{detail}',
  'cloud.error.conflict': '{detail}',
  'cloud.error.throttled': '{detail}',
  'cloud.error.network': '{detail}',
  'cloud.error.server': '{detail}',
  'cloud.error.invalidInput': '{detail}',
  'cloud.error.proxy': '{detail}',
  'cloud.error.tls': '{detail}',
  'cloud.error.tooLarge': '{detail}',
  'cloud.error.badAnswer': '{detail}',
  'cloud.error.unavailable': '{detail}',

  // The change refusal: the checklist is not ready. `{checks}` lists the checks' own messages.
  'error.checklist.check': '{id} ({summary})',
  'error.checklist.failed.one': '1 check failed: {checks}',
  'error.checklist.failed.many': '{count} checks failed: {checks}',
  'error.checklist.unconfirmed': 'could not confirm {ids}, which a change needs confirmed',
  'error.checklist.unconfirmedWith':
    'could not confirm {ids}, which a change needs confirmed: {checks}',
  'error.checklist.notReady': 'Not started: {why}',
  'error.checklist.notReadyBoth': 'Not started: {failed}; and {unconfirmed}',
  'error.checklist.nothingChecked':
    'Not started: nothing could be checked (no check of the checklist could be made)',
  // The cloud's refusal of UpdateKMSEncryption.
  'error.refusal.rbac':
    'The cloud refused the change ({code}): the caller has no RBAC Administrator or O&M Engineer (ops) permission on cluster {name} ({clusterId}). Ask an RBAC administrator of the cluster to grant one of them (ACK console > Authorizations), then try again.',
  'error.refusal.cooldown':
    'The cloud refused the change (HTTP 409): a change of this cluster ended less than {minutes} minutes ago, or one is still running. If the last change has ended, wait until {until} (5 minutes at most), then try again; if one is still running, wait until the cluster is running again and 5 minutes more.',

  // Not found, conflicts.
  'error.account.notFound': 'There is no account with id {id}.',
  'error.account.removedMeanwhile': 'The account was removed meanwhile.',
  'error.account.sourceRemoved': 'The source account was removed meanwhile.',
  'error.account.sourceMissing': 'The source account does not exist. Pick a saved account.',
  'error.account.sourceGone':
    'The source account of "{name}" no longer exists. Update it to use another source account.',
  'error.account.nameTaken': 'An account named "{name}" already exists.',
  'error.account.changedElsewhere':
    'Account "{name}" was changed elsewhere meanwhile (another window or the CLI). Reload and try again.',
  'error.account.isSource':
    'Account "{name}" is the source of {dependants}. Remove or change those role accounts first.',
  'error.account.roleChainTooLong':
    'Account "{name}" takes its credentials through more than {max} roles (or a loop of role accounts). Point it at an AccessKey account.',
  'error.account.sourceLoop':
    'The source account takes its credentials from this account: that would be a loop.',
  'error.account.rootSource':
    'AssumeRole must be called by a RAM user or role: the source account "{name}" is the root account {accountId}\'s AccessKey. Save a RAM user\'s AccessKey for account {accountId} (with AliyunSTSAssumeRoleAccess) and assume the role from it.',
  'error.cluster.noAccounts':
    'Cluster {clusterId} cannot be looked up: no account is saved. Add the account it belongs to first.',
  'error.cluster.notFound':
    'Cluster {clusterId} was not found. Check the cluster id, and that its account is saved here.',
  'error.cluster.notFoundInOne':
    'Cluster {clusterId} was not found in account {accounts}. Check the cluster id, and that its account is saved here.',
  'error.cluster.notFoundInMany':
    'Cluster {clusterId} was not found in accounts {accounts}. Check the cluster id, and that its account is saved here.',
  'error.change.inProgress':
    'A change of cluster {name} is still in progress (operation {operationId}, possibly started by another window or the CLI).',
  'error.change.beingPrepared':
    'A change of cluster {name} is being prepared by another ACK Secret Guard window or command ({holder}). Wait for it to start, then follow it with "status".',
  'error.notFound.operation': 'No operation {id}.',
  'error.verify.nothingToProve':
    'No encryption change of {name} is recorded here, so there is nothing to prove yet. Change it with this app first (or run the check after the next change).',

  // Account form validation (field named in details.field).
  'error.account.name.empty': 'Give the account a name.',
  'error.account.name.tooLong': 'The account name is longer than 64 characters.',
  'error.account.name.control': 'The account name contains control characters.',
  'error.account.stsKeyId':
    'An STS token AccessKey id starts with "STS." followed by letters and digits.',
  'error.account.keyIdIsSts':
    'This is a temporary (STS) AccessKey id: add it as an STS token account, with its security token and expiry.',
  'error.account.keyId': 'An AccessKey id is 12 to 64 letters and digits (for example LTAI5t…).',
  'error.account.secretShape':
    'The AccessKey secret must be 8 to 128 visible characters without spaces (was it pasted with a line break or a space?).',
  'error.account.secretIsId':
    'The AccessKey secret is the same as the id: paste the secret, not the id.',
  'error.account.tokenShape':
    'The security token must be at least 16 visible characters without spaces or line breaks.',
  'error.account.expiryFormat':
    'The expiry "{text}" is not an ISO 8601 time such as 2026-01-31T12:00:00Z.',
  'error.account.expired': 'The STS token expired at {at}; get a new token.',
  'error.account.roleArn':
    '"{arn}" is not a RAM role ARN; it looks like acs:ram::<account id>:role/<role name>.',
  'error.account.sessionName':
    'The role session name is 2 to 64 letters, digits, or the characters . @ - _.',
  'error.account.duration':
    "The session duration must be a whole number of seconds from {min} to {max} (and at most the role's maximum session duration).",
  'error.account.externalId':
    'The external id is 2 to 1224 letters, digits, or the characters + = , . @ : / - _.',
  'error.account.regionsEmpty':
    'Give at least one region, or none at all to cover every region where ACK Edge is offered.',
  'error.account.region': '"{region}" is not a region id such as cn-hangzhou.',
  'error.account.proxyNotUrl': 'The proxy is not a URL; use e.g. http://proxy.example:3128.',
  'error.account.proxyScheme': 'The proxy {proxy} must be an http:// or https:// URL.',
  'error.account.proxyPath': 'The proxy {proxy} must not have a path or query.',
  'error.account.proxyNoUser': 'The proxy URL has a password but no user name.',
  'error.account.proxyPassword': 'Type the proxy password; "****" stands for a saved one.',
  'error.account.caPath': 'The CA bundle path {path} must be absolute.',
  'error.account.secretNeeded': 'A new AccessKey id needs its secret too.',
  'error.account.stsAllFour':
    'A new STS token comes with its own AccessKey id, secret and expiry: give all four.',
  'error.import.noProfile': 'The aliyun CLI config has no profile "{profile}".',
  'error.import.alreadySaved': 'Profile "{profile}" is already saved as "{name}".',
  'error.import.notJson': '{file} is not valid JSON, so it is not an aliyun CLI config.',
  'error.import.noProfiles': '{file} has no "profiles" list, so it is not an aliyun CLI config.',
  'error.import.noConfig':
    'There is no aliyun CLI config at {file}. Run "aliyun configure" first, or give the path of the config file.',

  // The OS keychain.
  'error.keychain.missingItem':
    'The keychain has no secrets for account "{name}" (its item was deleted, or the keyring was reset). Update the account to store them again.',
  'error.keychain.incompleteItem':
    'The keychain item of account "{name}" is incomplete. Update the account to store its secrets again.',
  'error.keychain.badFormat':
    'The keychain item of this account is not in the expected format. Update the account to store its secrets again.',
  'error.keychain.orphaned':
    'Account "{name}" was removed from the list, but its keychain item could not be deleted. {why} Delete it later with: secret-tool clear service ack-secret-guard username {accountId}',
  'error.keychain.read': "Could not read the account's secrets in the OS keychain: {advice}",
  'error.keychain.save': "Could not save the account's secrets in the OS keychain: {advice}",
  'error.keychain.delete': "Could not delete the account's secrets in the OS keychain: {advice}",
  'error.keychain.advice.no-session-bus':
    'There is no D-Bus session, so the Secret Service cannot be reached. Run ACK Secret Guard inside a desktop session (or start one with dbus-run-session) so that DBUS_SESSION_BUS_ADDRESS is set.',
  'error.keychain.advice.no-secret-service':
    'No Secret Service is running. Install and start gnome-keyring (apt-get install gnome-keyring; gnome-keyring-daemon --start --components=secrets) or enable the Secret Service of KWallet/KeePassXC.',
  'error.keychain.advice.no-keyring':
    'The Secret Service has no default keyring yet. Create one (Seahorse "Passwords and Keys", or gnome-keyring-daemon --unlock) and try again.',
  'error.keychain.advice.locked':
    'The keyring is locked and no unlock prompt could be shown. Unlock it (Seahorse "Passwords and Keys", or echo the password into gnome-keyring-daemon --unlock) and try again.',
  'error.keychain.advice.timeout':
    'The OS keychain did not answer in time. It is probably waiting for you to unlock the keyring in a prompt: unlock it and try again. If no prompt appears, restart the keyring service (gnome-keyring-daemon --replace).',
  'error.keychain.advice.failed': 'The OS keychain refused the request.',
  'error.keychain.advice.failedWith': 'The OS keychain refused the request. ({platform})',

  // Files in the data folder.
  'error.storage.cannotRead': 'Cannot read {file} ({code}).',
  'error.storage.accountsNewer':
    'The accounts file was written by a newer ACK Secret Guard (schema {version}, this version reads {supported}). Update the app; the file was left untouched.',
  'error.storage.accountsUnreadable':
    'Cannot read the accounts file {file} ({code}). Check its permissions.',
  'error.storage.accountsCorrupt':
    'The accounts file {file} could not be read because {why}. It was kept as {movedTo}; the account list now starts empty. Restore it from that copy or add the accounts again (their keychain items are still there).',
  'error.storage.accountsUnwritable':
    'Cannot write the accounts file {file} ({code}). Check free space and permissions of the data folder.',
  'error.storage.journal':
    'The {what} {file} cannot be written ({code}). Free disk space or fix permissions; {withoutIt} without it.',
  'error.storage.lockFile':
    'Cannot create the lock file {path} ({code}). Check that the data folder is writable.',
  'error.storage.accountsBusy':
    'Another ACK Secret Guard process{who} is still writing the accounts file; try again in a moment. If no other copy is running, delete {path}.',
  'error.storage.auditLog':
    'The audit log {file} cannot be {verb} ({code}). Check that the data folder exists, is writable and the disk is not full.',

  // Every call: bad input, and what nobody foresaw.
  'error.input.invalid': 'Invalid input for {call}: {issues}',
  'error.input.unreadable': 'Invalid input for {call}.',
  'error.internal': 'Something unexpected went wrong in {call}. The log file has the details.',

  // Notices (the window's notice bar; the CLI prints them as warnings).
  'notice.auditUnwritable': 'The audit log could not be written: {detail}',
  'notice.demoRestartFailed':
    "The demo account's simulated cloud could not be restarted ({detail}). Remove the demo and start it again.",
  'notice.batchUnexpected': 'Batch {batchId}: {detail}',
  'notice.batchUnexpectedCluster': 'Batch {batchId}, cluster {clusterId}: {detail}',
  'notice.settingsUnreadable':
    'The settings file could not be read and was moved to {aside}; the defaults are in use.',
  'notice.dataDir.notFolder':
    'The data folder {dir} is not a folder. Move it away, or choose another with --data-dir or {env}.',
  'notice.dataDir.otherOwner':
    'The data folder {dir} belongs to another user (uid {uid}), who could read or change its journal, audit log and accounts. Use a folder of your own (--data-dir or {env}).',
  'notice.dataDir.writable':
    'The data folder {dir} can be written by other users (mode {mode}), who could tamper with its journal and audit log. Make it yours alone: chmod 700 "{dir}".',
  // Key fixes and new keys (core/keys/fixes.ts, create.ts, api.ts).
  'key.fix.refuse.pendingEnable':
    'Key {key} is pending deletion: cancel the deletion instead (the key then returns to Enabled).',
  'key.fix.refuse.notDisabled':
    'Key {key} is {keyState}; only a Disabled key can be enabled. Open it in the KMS console.',
  'key.fix.refuse.pendingProtect':
    'Key {key} is pending deletion: cancel the deletion first; deletion protection cannot be set on it.',
  'key.fix.notFixed':
    'KMS accepted {call} for {key}, but the key reads {keyState} (deletion protection {protection}). Look at it in the KMS console.',
  'key.create.aliasTaken':
    'The alias {alias} already names key {keyId} in {region}. Choose that key for the group, or give another alias.',
  'key.create.quota':
    "KMS refused a new key in {region}: the account's key quota there is used up ({detail}). Create the key in a KMS instance (give its kst-… id), or choose an existing key. Nothing was created.",
  'key.create.noAnswer':
    'CreateKey got no answer ({detail}). It was not sent again, and no key marked {mark} is listed in {region} yet. Look in the KMS console for a key described "{description}" before creating another.',
  'key.create.confirm':
    'Confirm the new key by its alias: type {alias} (got "{typed}"). Nothing was created.',
} as const;
