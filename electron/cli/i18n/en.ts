// The CLI's own words in English. zh-CN.ts has the same keys (its type is this one's), so a
// missing translation is a type error. Terms follow the glossary in the project's UX notes.
// Command names, option names, ids and JSON never change with the language.

import type { KeyFinding, VerifyReceipt } from '../../contract';
import { HELP_EN } from './help-en';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en = {
  /** The catalog language of this dictionary: messages the core sends are worded in it. */
  lang: 'en' as 'en' | 'zh-CN',
  head: {
    cluster: 'CLUSTER',
    name: 'NAME',
    account: 'ACCOUNT',
    region: 'REGION',
    state: 'STATE',
    keyHealth: 'KEY HEALTH',
    encryption: 'ENCRYPTION',
    plan: 'PLAN',
    key: 'KEY',
    aliases: 'ALIASES',
    spec: 'SPEC',
    rotation: 'ROTATION',
    eligible: 'ELIGIBLE',
    time: 'TIME',
    action: 'ACTION',
    phase: 'PHASE',
    result: 'RESULT',
    requestId: 'REQUEST ID',
    batch: 'BATCH',
    created: 'CREATED',
    ready: 'READY',
    succeeded: 'SUCCEEDED',
    failed: 'FAILED',
  },
  /** Check results as marks in the checklist. */
  mark: { pass: 'PASS', fail: 'FAIL', warn: 'WARN', unknown: '????', manual: 'HAND' } as Record<
    string,
    string
  >,
  /** Cluster states as the console names them (others are shown as the cloud says them). */
  clusterState: {
    running: 'running',
    updating: 'updating',
    failed: 'failed',
    initial: 'initial',
    deleting: 'deleting',
  } as Record<string, string>,
  encryption: {
    on: (keyId: string | null) => `on (${keyId ?? 'key unknown'})`,
    off: 'off',
    unknown: 'unknown',
  },
  yesNo: { yes: 'yes', no: 'no' },
  lookup: {
    ambiguous: (ref: string, n: number) =>
      `${n} clusters are named "${ref}"; give the cluster id (or --account NAME):`,
    ambiguousFix: 'Run the command again with one of these ids.',
    noSuch: (ref: string) =>
      `No cluster has the id or name "${ref}" in the fleet. See: ack-secret-guard clusters list`,
  },
  since: {
    invalid: (value: string) =>
      `--since takes a duration (30m, 24h, 7d) or a date (2026-12-01, 2026-12-01T08:00 or with a zone), not "${value}".`,
  },
  confirm: {
    disable: (name: string, id: string) =>
      `Turn Secret encryption at rest OFF on ${name} (${id})? New Secrets will be stored unencrypted.\nType the cluster name (${name}) to go on: `,
    batch: (action: string, n: number) =>
      `Apply this batch change (${action}) to ${plural(n, 'cluster', 'clusters')}?\nType the number of clusters (${n}) to go on: `,
    keyFix: (what: string) => `${what}\nType "yes" to go on: `,
    create: (name: string) => `Type the cluster name (${name}) to create it: `,
    noTerminal: (what: string) =>
      `Refusing to ${what} without confirmation: run it on a terminal to confirm, or add --yes (scripts).`,
    declined: 'Not confirmed: nothing was changed.',
    what: {
      disable: 'turn encryption off',
      batch: 'apply a batch change',
      keyFix: 'change a KMS key',
      create: 'create a cluster',
    },
  },
  dryRun: {
    header: 'Dry run: this request would be sent:',
    nothingSent: 'Dry run: nothing was sent.',
    notReady: 'The checklist is not ready: the request would be refused before it is sent.',
    batchItem: (name: string, id: string) => `${name} (${id}):`,
  },
  check: {
    ready: 'ready',
    notReady: 'NOT ready',
    action: { enable: 'enable', disable: 'disable' } as Record<string, string>,
    withKey: (ref: string) => `with ${ref}`,
    fix: 'fix',
    copy: 'copy',
  },
  change: {
    aliasSent: (asked: string, keyId: string, regionId: string) =>
      `key ${asked} is ${keyId} in ${regionId}; sent the key id.`,
    followHint: (requestId: string | null, ref: string) =>
      `request id ${requestId ?? '(none)'}; follow it with: ack-secret-guard status ${ref} --wait`,
  },
  status: {
    nothingRecorded: (
      name: string,
      id: string,
      edition: string,
      regionId: string,
      account: string,
      state: string,
      encryption: string,
    ) =>
      `No change of ${name} (${id}) is recorded. ${edition} cluster in ${regionId} (${account}), ${state}; Secret encryption ${encryption}.`,
    onWithKey: (keyId: string | null) => `on with key ${keyId ?? '(unknown)'}`,
    journal: 'journal',
  },
  follow: {
    action: { enable: 'enable', disable: 'disable' } as Record<string, string>,
    phase: {
      requested: 'requested',
      updating: 'updating',
      creating: 'creating',
      running: 'running',
      verifying: 'verifying',
      ended: 'ended',
    } as Record<string, string>,
    outcome: {
      succeeded: 'succeeded',
      failed: 'failed',
      rejected: 'rejected',
      'timed-out': 'timed-out',
      unknown: 'unknown',
      verified: 'verified',
      encrypted: 'encrypted',
      'key-missing': 'key-missing',
    } as Record<string, string>,
    ended: (outcome: string) => `ended: ${outcome}`,
    cluster: (state: string) => `cluster ${state}`,
    elapsed: (d: string) => `elapsed ${d}`,
    nextCheck: (at: string) => `next check ${at}`,
    slow: 'slower than usual',
    summary: (
      action: string,
      name: string,
      id: string,
      outcome: string,
      took: string | null,
      polls: number,
      requestId: string | null,
    ) =>
      `${action} of ${name} (${id}) ${outcome}${took ? ` after ${took}` : ''}, ${plural(polls, 'check', 'checks')}; request id ${requestId ?? '(none)'}`,
    interrupted: (resume: string) =>
      `\nStopped following. The change goes on in the cloud; follow it again with: ${resume}\n`,
  },
  create: {
    interrupted: (resume: string) =>
      `\nStopped following. The creation goes on in the cloud; see it with: ${resume}\n`,
    summary: (name: string, id: string | null, outcome: string, took: string) =>
      `create ${name}${id ? ` (${id})` : ''} ${outcome} after ${took}`,
    nameMismatch: 'The name did not match; nothing was created.',
  },
  clusters: {
    countLine: (count: string, listed: string) => `${count}, ${listed}`,
    count: (n: number) => plural(n, 'cluster', 'clusters'),
    listedAt: (at: string) => `listed ${at}`,
    listedFrom: (at: string) => `listed from ${at}`,
    failed: (account: string, region: string | null, code: string, message: string) =>
      `failed: ${account} ${region ?? '(all regions)'}: ${code}: ${message}`,
    fromDisk: (at: string) => `From the snapshot on disk: listed ${at}, not refreshed now.`,
    staleNothing: (at: string) =>
      `STALE: nothing could be refreshed now; the oldest rows were listed ${at}.`,
    staleSome: (at: string) =>
      `STALE: some regions could not be refreshed now; the oldest rows were listed ${at}.`,
    noSnapshot: 'There is no fleet snapshot yet: run "clusters list" without --cached once.',
    pendingDeletion: (date: string) => `pending-deletion (deleted ${date})`,
    unknownRotation: 'unknown',
    notEligible: (reasons: string) => `no: ${reasons}`,
  },
  batch: {
    header: (id: string, what: string) => `Batch ${id}: ${what}`,
    enableWith: (keyId: string | null) => `enable with key ${keyId ?? '-'}`,
    enablePerGroup: 'enable, a key per account and region',
    keyMapHead: ['ACCOUNT', 'REGION', 'CLUSTERS', 'KEY', 'KEY ID', 'FROM'],
    disable: 'disable',
    verdict: { ready: 'ready', waits: 'ready (waits)', skipped: 'skipped' },
    notInPlan: (p: string) => `not in the plan: ${p}`,
    counts: (ready: number, skipped: number) => `${ready} ready, ${skipped} skipped.`,
    applyHint: (id: string) => `Apply it with: ack-secret-guard batch apply --id ${id}`,
    nothingReady: 'Nothing in this plan is ready: there is nothing to apply (exit 3).',
    state: (s: string) => `State: ${s}`,
    waitingCooldown: (until: string) => `waiting for the cooldown until ${until}`,
    final: (
      id: string,
      state: string,
      c: { succeeded: number; failed: number; atStart: number; cancelled: number },
      ready: number,
      skipped: number,
    ) =>
      `\nBatch ${id} ${state}: ${c.succeeded} succeeded, ${c.failed} failed, ${c.atStart} skipped at start, ${c.cancelled} cancelled (of ${ready} ready; ${skipped} skipped by the plan).`,
  },
  keys: {
    fixWhat: {
      'enable-key': (k: string) => `Enable key ${k}`,
      'cancel-key-deletion': (k: string) =>
        `Cancel the deletion of key ${k} (it returns to Enabled)`,
      'enable-deletion-protection': (k: string) => `Turn on deletion protection of key ${k}`,
    },
    where: (what: string, account: string, region: string) =>
      `${what} in account ${account}, region ${region}.`,
  },
  help: HELP_EN,
  helpText: {
    usage: 'Usage',
    commands: 'Commands',
    subcommands: 'Subcommands',
    options: 'Options',
    examples: 'Examples',
    globalOptions: 'Global options',
    globals: [
      [
        '--data-dir DIR',
        'where accounts and snapshots live (default: the desktop app’s folder;\nalso ACK_SG_DATA_DIR)',
      ],
      ['--json', 'machine-readable output (the same in every language)'],
      ['--lang zh-CN|en', 'the language of the output (default: LC_ALL, then LANG)'],
      ['--help', 'this text; CMD --help or help CMD [SUB] for one command'],
      ['--version', 'the version'],
    ] as [string, string][],
    exitCodes:
      'Exit codes: 0 success, 1 failure, 2 usage, invalid input or not confirmed, 3 checklist not\nready (or nothing ready in a batch), 4 cloud or credential error; keys health: 5 critical\nfinding, 6 warnings only; 130 stopped following with Ctrl-C (the change goes on).',
    more: 'More: ack-secret-guard help CMD [SUB]',
    subHelp: (topic: string) =>
      `Each subcommand has its own page: ack-secret-guard help ${topic} SUB`,
  },
  auditLog: 'audit log',
  errors: {
    unknownCommand: (name: string) => `Unknown command: ${name}`,
    detailsIn: (file: string) => `Details are in ${file}.`,
    // errors: an error and a notice on stderr (their text from the core's catalog).
    line: (code: string, text: string) => `error (${code}): ${text}`,
    warning: (text: string) => `warning: ${text}`,
  },
  // dupaccounts: a cluster several saved accounts list (one row, the acting account first)
  reachable: {
    alsoVia: (account: string, others: string[]) => `${account} (also via ${others.join(', ')})`,
  },
  // cli2: accounts, key health and fixes, the verify receipt, create and batch words.
  accounts: {
    /** English shows the kinds as --type names them. */
    kind: {
      'access-key': 'access-key',
      'sts-token': 'sts-token',
      'ram-role': 'ram-role',
    } as Record<string, string>,
    colour: {
      blue: 'blue',
      green: 'green',
      orange: 'orange',
      red: 'red',
      purple: 'purple',
      teal: 'teal',
      yellow: 'yellow',
      grey: 'grey',
    } as Record<string, string>,
    identity: 'identity',
    notChecked: 'not checked yet',
    regions: 'regions',
    allRegions: 'all ACK Edge regions',
    expires: (at: string) => `expires ${at}`,
    endpoint: 'endpoint',
    proxy: 'proxy',
    added: 'Added (checked with STS):',
    none: 'No accounts yet. Add one with "accounts add".',
    tested: (name: string, type: string, arn: string, cloudAccountId: string) =>
      `OK: "${name}" is ${type} ${arn} in account ${cloudAccountId}.`,
    removed: (name: string) => `Removed "${name}" and its keychain item.`,
    preview: (file: string) => `Profiles in ${file} (nothing imported; add --apply to import):`,
    current: 'current',
    mode: (mode: string) => `mode ${mode}`,
    notImportable: (reason: string) => `not importable: ${reason}`,
    noneImportable: 'No importable profile.',
    imported: (profile: string, names: string) => `imported ${profile}: ${names}`,
    importFailed: (profile: string, message: string) => `failed   ${profile}: ${message}`,
    someFailed: 'some profiles were not imported.',
  },
  keyHealth: {
    summary: (keys: number, clusters: number, critical: number, warnings: number) =>
      `${plural(keys, 'key', 'keys')} in use by ${clusters} encrypted clusters: ${critical} critical, ${warnings} warnings.`,
    shared: (keyId: string, n: number) =>
      `shared: ${keyId} is used by clusters in ${n} Alibaba Cloud accounts.`,
    mark: { critical: 'CRIT', warning: 'WARN' } as Record<KeyFinding['severity'], string>,
    /** The finding in a line: English keeps the core's own sentence (it has every detail). */
    finding: (f: KeyFinding) => `${f.kind.padEnd(24)} ${f.summary}`,
    deletedForGood: (date: string, countdown: string) => `deleted for good: ${date} (${countdown})`,
    countdown: (days: number, hours: number) =>
      days > 0 ? `in ${days}d ${hours}h` : `in ${hours}h`,
    now: 'now',
    /** Beside a time the demo's simulated cloud wrote (core/util/clock.ts). */
    simulatedInParens: ', simulated time',
    simulatedAfter: ' (simulated time)',
    clusters: (list: string) => `clusters: ${list}`,
    who: (user: string, type: string, event: string, at: string) =>
      `who: ${user} (${type}) ${event} at ${at}`,
    whoStatus: {
      'not-yet': 'not in ActionTrail yet (events arrive up to 10 minutes late)',
      'not-found': 'no ActionTrail record in the last 7 days',
      unavailable: 'ActionTrail unavailable',
    } as Record<string, string>,
    whoLine: (text: string) => `who: ${text}`,
    fix: (f: KeyFinding) => f.fix.hint,
    noSnapshot: 'There is no fleet snapshot yet: run "keys health" without --cached once.',
    problem: (p: string) => `problem: ${p}`,
  },
  keyFix: {
    noUser: (keyId: string) =>
      `No cluster of the last fleet snapshot uses ${keyId}: name the key's account and region with --account NAME --region ID.`,
    accountGone: (keyId: string) => `The account of ${keyId} is no longer saved.`,
    keyNow: (state: string, protection: string, deleteDate: string | null) =>
      `The key now: ${state}, deletion protection ${protection}${deleteDate ? `, deleted for good ${deleteDate}` : ''}.`,
    unknown: 'unknown',
    nothingToDo: 'Nothing to do: the key is already fixed; no request would be sent.',
    refused: (why: string) => `The fix would be refused: ${why}`,
    requestIds: (ids: string) => `request ids: ${ids}`,
  },
  receipt: {
    /** English prints the core's receipt text as it is (the same text a saved file has). */
    text: (_r: VerifyReceipt, coreText: string) => coreText,
    saved: (file: string) => `receipt saved to ${file}`,
    exists: (file: string) => `${file} exists already; choose another file name.`,
    cannotWrite: (file: string, code: string) => `Cannot write ${file} (${code}).`,
  },
  createText: {
    header: (name: string, region: string, account: string, key: string, ready: boolean) =>
      `create ${name} in ${region} (${account}) with ${key}: ${ready ? 'ready' : 'NOT ready'}`,
    body: 'Request body (CS CreateCluster, POST /clusters):',
    terraform: 'Terraform:',
    aliyunCli: 'aliyun CLI:',
    line: (name: string, id: string | null) => `create ${name}${id ? ` (${id})` : ''}`,
    stage: (stage: string) => `stage ${stage}`,
    proof: (status: string) => `proof ${status}`,
    proofStatus: {
      verified: 'verified',
      pending: 'pending',
      'not-verified': 'not verified',
      unavailable: 'unavailable',
    } as Record<string, string>,
    fallback: (at: string, command: string) => `enable after ${at}: ${command}`,
    noCreation: (id: string) => `No creation ${id} is recorded here.`,
    nameOne: (n: number, list: string) =>
      `${n} creations are under way; name one: ack-secret-guard clusters create --resume CREATION_ID (${list || 'none'}).`,
    extraArgs: (words: string) =>
      `clusters create takes no arguments besides its options: ${words}`,
  },
  batchText: {
    itemState: {
      pending: 'pending',
      running: 'running',
      succeeded: 'succeeded',
      failed: 'failed',
      skipped: 'skipped',
      cancelled: 'cancelled',
    } as Record<string, string>,
    state: {
      planned: 'planned',
      applying: 'applying',
      paused: 'paused',
      cancelling: 'cancelling',
      ended: 'ended',
    } as Record<string, string>,
    result: { succeeded: 'succeeded', failed: 'failed', cancelled: 'cancelled' } as Record<
      string,
      string
    >,
    ended: (result: string) => `ended: ${result}`,
    source: { plan: 'keyId', given: 'keys', recommended: 'recommended', none: 'none' } as Record<
      string,
      string
    >,
    scopeCluster: (file: string, i: number, detail: string) =>
      `${file}: scope.clusterIds[${i}]: ${detail}`,
    noAccount: (file: string, field: string, name: string) =>
      `${file}: ${field}: there is no account named "${name}" (see: ack-secret-guard accounts list).`,
    concurrency: (value: string) =>
      `--concurrency must be a whole number from 1 to 10, not "${value}".`,
  },
  disableChecklist: {
    notReady: 'The checklist is not ready: nothing was asked and nothing was sent.',
  },
  fleetText: {
    /** English shows the key health as the JSON's words (scripts grep them). */
    health: {
      ok: 'ok',
      'rotation-on': 'rotation-on',
      disabled: 'disabled',
      'pending-deletion': 'pending-deletion',
      'deletion-protection-off': 'deletion-protection-off',
      'not-found': 'not-found',
      unknown: 'unknown',
    } as Record<string, string>,
    /** Key states and rotation as KMS reports them. */
    keyState: {} as Record<string, string>,
    rotation: {} as Record<string, string>,
    reason: {} as Record<string, string>,
    dataFolder: 'data folder: ',
    secretStore: 'secret store:',
  },
  auditText: {
    /** English shows the log's own words (scripts grep them). */
    phase: {} as Record<string, string>,
    result: {} as Record<string, string>,
  },
};

export type CliText = typeof en;
