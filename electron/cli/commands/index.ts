// Every command of the CLI, in the order the usage text lists them. Each lives in its own file.
import { infoCommand } from './info';
import type { CommandSpec } from './types';

export const COMMANDS: readonly CommandSpec[] = [infoCommand];
