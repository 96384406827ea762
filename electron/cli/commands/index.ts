// Every command of the CLI, in the order the usage text lists them. Each lives in its own file.
import { accountsCommand } from './accounts';
import { batchCommand } from './batch';
import { disableCommand, enableCommand, statusCommand } from './change';
import { checkCommand, clustersCommand, keysCommand } from './fleet';
import { auditCommand, verifyCommand } from './proof';
import { infoCommand } from './info';
import type { CommandSpec } from './types';

export const COMMANDS: readonly CommandSpec[] = [
  infoCommand,
  accountsCommand,
  clustersCommand,
  keysCommand,
  checkCommand,
  enableCommand,
  disableCommand,
  statusCommand,
  verifyCommand,
  auditCommand,
  batchCommand,
];
