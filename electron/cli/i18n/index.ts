// The CLI dictionary for a language (cli/lang.ts decides which).
import { en } from './en';
import type { CliText } from './en';
import { zhCN } from './zh-CN';

export type { CliText };

export const CLI_LANGUAGES = ['en', 'zh-CN'] as const;
export type CliLanguage = (typeof CLI_LANGUAGES)[number];

export function cliText(lang: CliLanguage): CliText {
  return lang === 'zh-CN' ? zhCN : en;
}
