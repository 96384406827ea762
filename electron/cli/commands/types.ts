import type { Core } from '../../core/service';
import type { ExitCode } from '../exit-codes';
import type { CliLanguage, CliText } from '../i18n';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Secrets are read from here (never from arguments). */
  stdin?: NodeJS.ReadableStream;
}

export interface CommandContext {
  core: Core;
  json: boolean;
  /** The words after the command name (its own options and positionals). */
  args: string[];
  io: CliIo;
  /** The language of human output (JSON never depends on it) and its dictionary. */
  lang: CliLanguage;
  t: CliText;
  print(text: string): void;
  printJson(value: unknown): void;
}

/** A command's code (its name and usage line are in the table, commands/index.ts). */
export interface CommandSpec {
  /** The first word, e.g. `info` or `accounts`; the same as its entry in the table. */
  name: string;
  run(ctx: CommandContext): Promise<ExitCode>;
}
