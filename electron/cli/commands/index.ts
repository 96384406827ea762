// Every command of the CLI, in the order the usage text lists them: its name and one line for
// the usage text here, its code loaded only when it runs (each lives in its own file), so
// `--version` and `--help` load no command, no core and no SDK.
import type { CommandSpec } from './types';

export interface CommandEntry {
  /** The first word, e.g. `info` or `accounts`. */
  name: string;
  /** One line for the usage text (may span several lines, indented). */
  summary: string;
  load(): Promise<CommandSpec>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'info',
    summary: 'show the app version, data folder and secret store',
    load: async () => (await import('./info')).infoCommand,
  },
  {
    name: 'accounts',
    summary: 'list, add, test and remove accounts; import aliyun CLI profiles',
    load: async () => (await import('./accounts/run')).accountsCommand,
  },
  {
    name: 'clusters',
    summary:
      'clusters list [--account NAME] [--region ID] [--include-ack-pro]\n    clusters create --file SPEC.json [--dry-run] [--wait] [--yes]  (new Edge Pro cluster with encryption)',
    load: async () => (await import('./fleet')).clustersCommand,
  },
  {
    name: 'keys',
    summary:
      'keys list --account NAME --region ID | health [--account NAME] | fix KEY_ID --enable|--cancel-deletion|--deletion-protection [--yes]',
    load: async () => (await import('./keys')).keysCommand,
  },
  {
    name: 'check',
    summary:
      'check CLUSTER_ID (--key KEY | --disable) [--account NAME]  (KEY: key id, alias/… or key ARN)',
    load: async () => (await import('./fleet')).checkCommand,
  },
  {
    name: 'enable',
    summary: 'enable CLUSTER_ID --key KEY [--wait]  (KEY: key id, alias/… or key ARN)',
    load: async () => (await import('./change')).enableCommand,
  },
  {
    name: 'disable',
    summary: 'disable CLUSTER_ID [--wait]',
    load: async () => (await import('./change')).disableCommand,
  },
  {
    name: 'status',
    summary: 'status CLUSTER_ID [--wait]  (resumes following an unfinished change)',
    load: async () => (await import('./change')).statusCommand,
  },
  {
    name: 'verify',
    summary: 'verify CLUSTER_ID [--receipt FILE]  (ActionTrail proof of the last change)',
    load: async () => (await import('./proof')).verifyCommand,
  },
  {
    name: 'audit',
    summary: 'audit [--account NAME] [--cluster ID] [--since ISO] [--limit N]',
    load: async () => (await import('./proof')).auditCommand,
  },
  {
    name: 'batch',
    summary: 'batch plan|apply --file PLAN.json | apply --id BATCH_ID | list | show BATCH_ID',
    load: async () => (await import('./batch')).batchCommand,
  },
];
