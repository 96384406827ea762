// Every command of the CLI: its name, its code loaded only when it runs (each lives in its own
// file), so `--version` and `--help` load no command, no core and no SDK. The words about each
// (the command list, the help pages) are in cli/i18n/help-*.ts.
import type { CommandName } from '../help-topics';
import type { CommandSpec } from './types';

export interface CommandEntry {
  /** The first word, e.g. `info` or `accounts`. */
  name: CommandName;
  load(): Promise<CommandSpec>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'info',
    load: async () => (await import('./info')).infoCommand,
  },
  {
    name: 'accounts',
    load: async () => (await import('./accounts/run')).accountsCommand,
  },
  {
    name: 'clusters',
    load: async () => (await import('./fleet')).clustersCommand,
  },
  {
    name: 'keys',
    load: async () => (await import('./keys')).keysCommand,
  },
  {
    name: 'check',
    load: async () => (await import('./fleet')).checkCommand,
  },
  {
    name: 'enable',
    load: async () => (await import('./change')).enableCommand,
  },
  {
    name: 'disable',
    load: async () => (await import('./change')).disableCommand,
  },
  {
    name: 'status',
    load: async () => (await import('./change')).statusCommand,
  },
  {
    name: 'verify',
    load: async () => (await import('./proof')).verifyCommand,
  },
  {
    name: 'audit',
    load: async () => (await import('./proof')).auditCommand,
  },
  {
    name: 'batch',
    load: async () => (await import('./batch')).batchCommand,
  },
];
