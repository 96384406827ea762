// The CLI dictionary for a language (cli/lang.ts decides which).
import type { CliLanguage } from '../lang';
import { en } from './en';
import type { CliText } from './en';
import { zhCN } from './zh-CN';

export type { CliText };

export function cliText(lang: CliLanguage): CliText {
  return lang === 'zh-CN' ? zhCN : en;
}
