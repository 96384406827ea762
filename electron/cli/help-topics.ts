// The help pages there are: every command and every subcommand. The words (summary, options,
// examples) are in cli/i18n/help-*.ts, one page per topic in each language.

export const COMMAND_NAMES = [
  'info',
  'accounts',
  'clusters',
  'keys',
  'check',
  'enable',
  'disable',
  'status',
  'verify',
  'audit',
  'batch',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const HELP_TOPICS = [
  ...COMMAND_NAMES,
  'accounts list',
  'accounts test',
  'accounts remove',
  'accounts add',
  'accounts import-aliyun-cli',
  'clusters list',
  'clusters create',
  'keys list',
  'keys health',
  'keys fix',
  'batch plan',
  'batch apply',
  'batch list',
  'batch show',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export interface HelpPage {
  /** One line for the command list (top-level commands). */
  summary: string;
  /** Syntax lines, without the program name. */
  usage: string[];
  /** What it does, in a few lines. */
  about: string;
  /** [option as typed, what it means]. */
  options: [string, string][];
  /** [command line without the program name, what it does]: one to three. */
  examples: [string, string][];
}

export type HelpPages = Record<HelpTopic, HelpPage>;
