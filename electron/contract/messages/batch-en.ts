// The English words of a batch's reasons, notes and problems (a reason or note is one or more
// sentences, joined by messagesText; {detail} is an error's own text): spread into en.ts.
export const batchEn = {
  'batch.reason.check': '{check}:',
  'batch.reason.unconfirmed': 'could not confirm {check}:',
  'batch.reason.notMade': 'the check was not made',
  'batch.reason.nothingChecked':
    'nothing could be checked: no check of the checklist could be made',
  'batch.reason.checklistFailed': 'the checklist could not be run: {detail}',
  'batch.reason.sameKey': 'already encrypted with this key',
  'batch.reason.onlyNotEncrypted':
    'already encrypted (with {keyId}); the plan covers only clusters not encrypted',
  'batch.reason.onlyNotEncryptedOther':
    'already encrypted (with another key); the plan covers only clusters not encrypted',
  'batch.reason.notEncrypted': 'not encrypted: nothing to disable',
  'batch.reason.key': 'key:',
  'batch.reason.keyElsewhere':
    'key {keyId} is in another region ({regions}); this cluster is in {region}',
  'batch.reason.keyInUseState':
    'key change: the key in use ({keyId}) is {keyState}; the cluster needs it to decrypt its Secrets while switching keys. Make it Enabled (cancel its deletion), then plan again.',
  'batch.reason.keyInUseMissing':
    'key change: the key in use ({keyId}) was not found; the switch needs it.',
  'batch.reason.notStarted': 'Not started: {detail}',
  'batch.note.keyInUseUnread':
    'the key in use ({keyId}) could not be read ({detail}); the switch needs it Enabled.',
  'batch.note.cooldown': 'waits for the cooldown before starting:',
  'batch.group.several':
    "choose a key: {count} keys of {account} in {region} qualify ({keys}); pick one in the window, or add {entry} to the plan's keys.",
  'batch.group.none':
    'choose a key: no key of {account} in {region} is eligible with deletion protection on and unused elsewhere; create a compliant key here (the window\'s "Create a compliant key here", or keys.create), or add {entry} to the plan\'s keys.',
  'batch.group.noLister': "choose a key: add {entry} to the plan's keys.",
  'batch.group.listFailed':
    "choose a key: the keys of {account} in {region} could not be listed ({detail}); add {entry} to the plan's keys.",
  'batch.group.noKey':
    'no key for {account} in {region}: add {entry} to the plan\'s keys, or plan with keyChoice "recommended".',
  'batch.error.cooldownNotOver':
    'Still inside the 5-minute cooldown after {attempts} tries: {detail}',
  'batch.error.operationNotFound': 'The operation journal has no record of {operationId}: {detail}',
  'batch.problem.listFailed': '{account} {region} could not be listed ({code}): {detail}',
  'batch.problem.listFailedAll': '{account} (all regions) could not be listed ({code}): {detail}',
  'batch.problem.unknownCluster':
    "Cluster {clusterId} is not among the fleet's clusters in the plan's scope.",
} as const;
