// The CLI dictionary for a language (cli/lang.ts decides which), both loaded; the start-up
// loads only the one it needs (load.ts).
import { en } from './en';
import type { CliText } from './en';
import { zhCN } from './zh-CN';
import { CLI_LANGUAGES } from '../lang';
import type { CliLanguage } from '../lang';

export type { CliText, CliLanguage };
export { CLI_LANGUAGES };

export function cliText(lang: CliLanguage): CliText {
  return lang === 'zh-CN' ? zhCN : en;
}
