// The CLI dictionary for a language, loaded on demand: each dictionary (with its help pages) is
// tens of kilobytes of code to compile, `--version` needs none and every other run needs one.
import type { CliLanguage } from '../lang';
import type { CliText } from './en';

export async function loadCliText(lang: CliLanguage): Promise<CliText> {
  return lang === 'zh-CN' ? (await import('./zh-CN')).zhCN : (await import('./en')).en;
}
