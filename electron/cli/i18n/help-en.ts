// Help pages in English (cli/help.ts renders them). Same topics as help-zh-CN.ts.
// From its own file: the contract's index would load its message catalog with the help text.
import { ACCOUNT_COLOURS } from '../../contract/types/accounts';
import type { HelpPages } from '../help-topics';

const CLUSTER = [
  'CLUSTER',
  'the cluster id, or its name (a name two clusters share is refused)',
] as [string, string];
const ACCOUNT = ['--account NAME', 'the saved account (its name or id)'] as [string, string];
const DRY = ['--dry-run', 'check and print the request that would be sent; send nothing'] as [
  string,
  string,
];
const KEY = [
  '--key KEY',
  'the KMS key: its id (key-… or a UUID), an alias (alias/…, resolved in the cluster’s region)\nor its ARN',
] as [string, string];

export const HELP_EN: HelpPages = {
  info: {
    summary: 'show the app version, data folder and secret store',
    usage: ['info [--json]'],
    about: 'The version, the data folder this CLI uses and where secrets are kept.',
    options: [],
    examples: [['info --json', 'the same as JSON']],
  },
  accounts: {
    summary: 'list, add, test and remove accounts; import aliyun CLI profiles',
    usage: ['accounts list|test|remove|add|import-aliyun-cli ...'],
    about:
      'Accounts are saved in the data folder; their secrets in the OS keychain. Secrets come from\nstandard input, one per line, never from arguments.',
    options: [],
    examples: [
      ['accounts list', 'the saved accounts and who they are'],
      ['accounts test prod', 'ask STS who the account "prod" is'],
    ],
  },
  'accounts list': {
    summary: 'the saved accounts',
    usage: ['accounts list [--json]'],
    about:
      'Every saved account: its kind, AccessKey ID or role, identity, regions, endpoint, proxy.',
    options: [],
    examples: [['accounts list --json', 'for scripts']],
  },
  'accounts test': {
    summary: 'check an account’s credentials live (STS GetCallerIdentity)',
    usage: ['accounts test NAME'],
    about: 'Asks STS who the account is; exit 4 when the cloud refuses the credentials.',
    options: [],
    examples: [['accounts test prod', 'check the account "prod"']],
  },
  'accounts remove': {
    summary: 'remove an account and its keychain item',
    usage: ['accounts remove NAME'],
    about: 'Forgets the account and deletes its secret from the OS keychain.',
    options: [],
    examples: [['accounts remove old-lab', 'remove the account "old-lab"']],
  },
  'accounts add': {
    summary: 'add an account (AccessKey, STS token or RAM role)',
    usage: [
      'accounts add --name NAME --type access-key --access-key-id ID --secret-stdin [options]',
      'accounts add --name NAME --type sts-token --access-key-id ID --expiration ISO8601 --secret-stdin',
      'accounts add --name NAME --type ram-role --source-account NAME --role-arn ARN [options]',
    ],
    about:
      'The account is checked with STS before it is saved. Secrets are read from standard input,\none per line (sts-token: the secret, then the token; a proxy password comes last).',
    options: [
      ['--secret-stdin', 'read the AccessKey Secret (and STS token) from standard input'],
      ['--regions r1,r2', 'only these regions (default: every region where ACK Edge is offered)'],
      ['--endpoint URL', 'a custom endpoint (e.g. the simulator)'],
      ['--proxy URL', 'an HTTPS proxy, without its password'],
      ['--proxy-password-stdin', 'read the proxy password from standard input'],
      ['--ca-bundle PATH', 'extra CA certificates (PEM)'],
      ['--session-name S, --duration SECONDS, --external-id X', 'ram-role: the AssumeRole options'],
      ['--colour COLOUR', `one of ${ACCOUNT_COLOURS.join(', ')}`],
    ],
    examples: [
      [
        'accounts add --name prod --type access-key --access-key-id LTAI… --secret-stdin < secret.txt',
        'an AccessKey whose secret is in a file',
      ],
      [
        'accounts add --name retail --type ram-role --source-account prod --role-arn acs:ram::123:role/guard',
        'a RAM role assumed with the account "prod"',
      ],
    ],
  },
  'accounts import-aliyun-cli': {
    summary: 'import profiles of the aliyun CLI',
    usage: [
      'accounts import-aliyun-cli [--config FILE] [--profile P ...] [--apply] [--endpoint URL]',
    ],
    about: 'Shows the profiles of ~/.aliyun/config.json; --apply imports them.',
    options: [
      ['--config FILE', 'another aliyun CLI config file'],
      ['--profile P', 'only this profile (repeatable)'],
      ['--apply', 'import (without it nothing is imported)'],
      ['--endpoint URL', 'the endpoint for every imported account'],
    ],
    examples: [
      ['accounts import-aliyun-cli --profile default --apply', 'import the default profile'],
    ],
  },
  clusters: {
    summary: 'list the fleet; create an ACK Edge Pro cluster with encryption',
    usage: ['clusters list [options]', 'clusters create --file SPEC.json [options]'],
    about: 'The clusters of every saved account, with their encryption and key health.',
    options: [],
    examples: [
      ['clusters list', 'every ACK Edge Pro cluster of every account'],
      ['clusters create --file site-42.json --dry-run', 'preflight and the request, sent nowhere'],
    ],
  },
  'clusters list': {
    summary: 'list clusters with encryption and key health',
    usage: [
      'clusters list [--account NAME] [--region ID ...] [--include-ack-pro | --cached] [--json]',
    ],
    about:
      'Asks every account and region now; what could not be refreshed is said first (STALE), and\nexit 4 when nothing could be refreshed. Saved accounts of one Alibaba Cloud account list each\ncluster once, naming them all (JSON: reachableVia); --account shows every cluster it reaches.',
    options: [
      ACCOUNT,
      ['--region ID', 'only this region (repeatable)'],
      ['--include-ack-pro', 'ACK Pro clusters too'],
      ['--cached', 'the last snapshot on disk, without asking the cloud'],
    ],
    examples: [
      ['clusters list --account prod --region cn-hangzhou', 'one account, one region'],
      ['clusters list --cached --json', 'the last snapshot, for scripts'],
    ],
  },
  'clusters create': {
    summary: 'create an ACK Edge Pro cluster with Secret encryption',
    usage: [
      'clusters create --file SPEC.json [--dry-run] [--wait] [--yes] [--json]',
      'clusters create --resume [CREATION_ID] [--json]',
    ],
    about: [
      'SPEC.json: {"account": "NAME", "regionId": "cn-hangzhou", "name": "edge-site-1",',
      '            "keyId": "key-…", "vpcId": "vpc-…", "vswitchIds": ["vsw-…"],',
      '            "containerCidr": "172.20.0.0/16", "serviceCidr": "192.168.0.0/16"}',
      'optional: kubernetesVersion, securityGroupId, endpointPublicAccess (false), snatEntry (true),',
      'enterpriseSecurityGroup (true), deletionProtection (true); omitted CIDRs are chosen clear of',
      'the VPC, the version is the newest offered. The preflight always runs first.',
      'Exit codes: 0 created (or dry run ready), 1 failed / timed out / key not applied,',
      '2 usage or bad spec, 3 preflight not ready, 4 the cloud refused.',
    ].join('\n'),
    options: [
      ['--dry-run', 'check and print the request (body, Terraform, aliyun CLI); send nothing'],
      ['--wait', 'follow the creation to running and the ActionTrail proof (a line every 30 s)'],
      ['--yes', 'create without typing the cluster name (needed without a terminal)'],
      [
        '--resume [CREATION_ID]',
        'follow a creation again (after Ctrl-C); the only one under way by default',
      ],
    ],
    examples: [
      ['clusters create --file site-42.json --dry-run', 'what would be sent'],
      ['clusters create --file site-42.json --wait', 'create, type the name, follow it'],
    ],
  },
  keys: {
    summary: 'list KMS keys; the key health sweep; fix a key',
    usage: ['keys list|health|fix ...'],
    about: 'The KMS keys clusters use: eligible keys per region, their health, and the safe fixes.',
    options: [],
    examples: [
      ['keys health', 'exit 0 fine, 5 a critical finding, 6 warnings only'],
      ['keys list --account prod --region cn-hangzhou', 'keys of one region'],
    ],
  },
  'keys list': {
    summary: 'the KMS keys of an account’s region',
    usage: ['keys list --account NAME --region ID [--json]'],
    about: 'Every key with its spec, state, rotation and whether it can encrypt Secrets.',
    options: [ACCOUNT, ['--region ID', 'the region']],
    examples: [['keys list --account prod --region cn-hangzhou', 'the keys of prod in Hangzhou']],
  },
  'keys health': {
    summary: 'the health of every key in use',
    usage: ['keys health [--account NAME] [--cached] [--json]'],
    about:
      'Exit 0 when no key in use has a finding, 5 when a critical one stands, 6 for warnings only.',
    options: [ACCOUNT, ['--cached', 'use the last fleet snapshot (the keys are still read live)']],
    examples: [['keys health --json', 'for a cron job or CI']],
  },
  'keys fix': {
    summary: 'enable a key, cancel its deletion or turn deletion protection on',
    usage: [
      'keys fix KEY_ID (--enable | --cancel-deletion | --deletion-protection) [--account NAME] [--region ID] [--dry-run] [--yes] [--json]',
    ],
    about:
      'Asks for "yes" on a terminal; without one it needs --yes. --dry-run reads the key and prints\nits state and the exact KMS request, or that there is nothing to do.',
    options: [
      ['--enable', 'enable a disabled key (KMS EnableKey)'],
      ['--cancel-deletion', 'cancel a scheduled deletion (KMS CancelKeyDeletion)'],
      ['--deletion-protection', 'turn deletion protection on (KMS SetDeletionProtection)'],
      ACCOUNT,
      ['--region ID', 'the key’s region (default: from the fleet snapshot)'],
      DRY,
      ['--yes', 'no question (scripts)'],
    ],
    examples: [
      ['keys fix key-hz123 --cancel-deletion', 'cancel the deletion of key-hz123'],
      ['keys fix key-hz123 --deletion-protection --dry-run', 'what would be sent'],
    ],
  },
  check: {
    summary: 'run the checklist for enabling or disabling encryption',
    usage: ['check CLUSTER (--key KEY | --disable) [--account NAME] [--json]'],
    about: 'Every precondition with its evidence and fix; exit 0 ready, 3 not ready.',
    options: [CLUSTER, KEY, ['--disable', 'the checklist for turning encryption off'], ACCOUNT],
    examples: [
      ['check edge-hz-1 --key alias/ack-secrets', 'can edge-hz-1 be encrypted with this key?'],
      ['check c8d2f… --disable --json', 'the disable checklist, as JSON'],
    ],
  },
  enable: {
    summary: 'turn Secret encryption at rest on',
    usage: ['enable CLUSTER --key KEY [--account NAME] [--dry-run] [--wait] [--json]'],
    about:
      'Runs the checklist, then sends CS UpdateKMSEncryption with the key id (an alias is resolved\nfirst). Exit 3 when the checklist is not ready.',
    options: [
      CLUSTER,
      KEY,
      ACCOUNT,
      DRY,
      ['--wait', 'follow the change to its end (a line every 30 s; Ctrl-C stops following only)'],
    ],
    examples: [
      ['enable edge-hz-1 --key alias/ack-secrets --wait', 'encrypt and follow'],
      ['enable edge-hz-1 --key key-hz123 --dry-run', 'what would be sent'],
    ],
  },
  disable: {
    summary: 'turn Secret encryption at rest off (asks to type the cluster name)',
    usage: ['disable CLUSTER [--account NAME] [--dry-run] [--yes] [--wait] [--json]'],
    about:
      'The checklist runs first and is printed; only when it is ready, on a terminal, you type the\ncluster name to confirm (not ready: exit 3, nothing asked). Without a terminal it needs --yes.\nExit 2 when not confirmed.',
    options: [
      CLUSTER,
      ACCOUNT,
      DRY,
      ['--yes', 'no question (scripts)'],
      ['--wait', 'follow the change to its end'],
    ],
    examples: [
      ['disable edge-hz-1 --wait', 'confirm, then follow'],
      ['disable edge-hz-1 --yes --json', 'from a script'],
    ],
  },
  status: {
    summary: 'the last change of a cluster; --wait resumes following it',
    usage: ['status CLUSTER [--account NAME] [--wait] [--json]'],
    about: 'The latest recorded change, or the cluster’s state when none is recorded.',
    options: [CLUSTER, ACCOUNT, ['--wait', 'follow an unfinished change to its end']],
    examples: [['status edge-hz-1 --wait', 'pick up a change after Ctrl-C or a crash']],
  },
  verify: {
    summary: 'the ActionTrail proof of the last change',
    usage: ['verify CLUSTER [--receipt FILE] [--account NAME] [--json]'],
    about: 'Looks for the KMS calls of the ACK service role with the cluster’s key.',
    options: [
      CLUSTER,
      ['--receipt FILE', 'save the receipt (FILE.json: JSON, else text)'],
      ACCOUNT,
    ],
    examples: [['verify edge-hz-1 --receipt edge-hz-1.json', 'save a receipt']],
  },
  audit: {
    summary: 'the local audit log of changes and fixes',
    usage: ['audit [--account NAME] [--cluster CLUSTER] [--since WHEN] [--limit N] [--json]'],
    about: 'Every change and fix made from this machine, newest first.',
    options: [
      ACCOUNT,
      ['--cluster CLUSTER', 'the cluster id or name'],
      ['--since WHEN', 'a duration (30m, 24h, 7d) or a date (2026-12-01, 2026-12-01T08:00)'],
      ['--limit N', 'at most N entries'],
    ],
    examples: [
      ['audit --since 7d', 'the last week'],
      ['audit --cluster edge-hz-1 --json', 'one cluster, as JSON'],
    ],
  },
  batch: {
    summary: 'plan and apply a change across many clusters',
    usage: ['batch plan|apply|list|show ...'],
    about: [
      'PLAN.json says which change to make and on which clusters of the fleet:',
      '  {"action": "enable", "keyId": "alias/ack-secrets",',
      '   "scope": {"accountIds": ["Retail"], "regionIds": ["cn-hangzhou"],',
      '             "clusterIds": ["c123…"], "onlyNotEncrypted": true}}',
      'keyId (enable only): a key id, an alias (resolved in each cluster’s region) or an ARN;',
      'keys (enable only): a key per account and region, e.g.',
      '  "keys": [{"accountId": "Retail", "regionId": "cn-hangzhou", "keyId": "alias/retail-hz"}]',
      '  (a key belongs to one account and one region; an entry wins over keyId for its pair);',
      'keyChoice "recommended" (enable only): every other pair gets its one recommended key',
      '  (eligible, deletion protection on, not used elsewhere), else it is skipped: choose a key;',
      'scope is optional, each field narrows the plan; accounts and clusters by name or id (a\ncluster name two clusters share is refused with the candidates, exit 2).',
    ].join('\n'),
    options: [],
    examples: [
      ['batch plan --file plan.json', 'check every cluster and save the plan'],
      ['batch apply --id b-20261201-1', 'apply a saved plan (type its size to confirm)'],
    ],
  },
  'batch plan': {
    summary: 'check every cluster of a plan and save it',
    usage: ['batch plan --file PLAN.json [--json]'],
    about: 'Each cluster is ready, or skipped with the reasons. Exit 3 when nothing is ready.',
    options: [['--file PLAN.json', 'the plan (see: help batch)']],
    examples: [['batch plan --file plan.json', 'plan and show']],
  },
  'batch apply': {
    summary: 'apply a plan (asks to type the number of clusters)',
    usage: [
      'batch apply --file PLAN.json [--concurrency N] [--dry-run] [--yes] [--json]',
      'batch apply --id BATCH_ID [--concurrency N] [--dry-run] [--yes] [--json]',
    ],
    about: [
      'Shows the plan, then on a terminal you type the number of ready clusters to confirm;',
      'without a terminal it needs --yes. Changes N at once (default 3, at most 10), re-checking',
      'each right before its start. Exit 0 when every ready cluster succeeded, 1 otherwise, 3 when',
      'nothing is ready. Stopped midway, it goes on with: batch apply --id BATCH_ID.',
    ].join('\n'),
    options: [
      ['--file PLAN.json', 'plan first, show the plan and ask'],
      ['--id BATCH_ID', 'a saved plan'],
      ['--concurrency N', 'changes at once (1-10)'],
      DRY,
      ['--yes', 'no question (scripts)'],
    ],
    examples: [
      ['batch apply --file plan.json', 'plan, show, confirm, apply'],
      ['batch apply --id b-20261201-1 --yes', 'from a script'],
      ['batch apply --file plan.json --dry-run', 'the requests that would be sent'],
    ],
  },
  'batch list': {
    summary: 'the saved batches',
    usage: ['batch list [--json]'],
    about: 'Every batch with its state and counts.',
    options: [],
    examples: [['batch list', 'all batches']],
  },
  'batch show': {
    summary: 'one batch, cluster by cluster',
    usage: ['batch show BATCH_ID [--json]'],
    about: 'The plan, its state and each cluster’s line.',
    options: [],
    examples: [['batch show b-20261201-1', 'one batch']],
  },
};
