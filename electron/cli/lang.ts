// The language of the CLI's human output: `--lang zh-CN|en`, else the locale (LC_ALL, then LANG,
// as POSIX ranks them). JSON output is language-neutral and never depends on this.
// The list of languages lives here, not beside the dictionaries (i18n/), so that choosing one at
// start-up loads no dictionary: `--version` needs none, the others load theirs (i18n/load.ts).
import { UsageError } from './usage-error';

export const CLI_LANGUAGES = ['en', 'zh-CN'] as const;
export type CliLanguage = (typeof CLI_LANGUAGES)[number];

/** `zh_CN.UTF-8`, `zh_CN`, `zh-CN` are Simplified Chinese; anything else (C, POSIX, en_US…) English. */
function fromLocale(value: string | undefined): CliLanguage | null {
  if (value === undefined || value === '') return null;
  return /^zh[_-](CN|Hans|SG)\b/i.test(value) || /^zh$/i.test(value.split('.')[0]!)
    ? 'zh-CN'
    : 'en';
}

/**
 * The language asked for: the last `--lang X` / `--lang=X` in argv, else LC_ALL, else LANG.
 * An unsupported --lang value is a usage error (said in English: no language is known yet).
 */
export function cliLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): CliLanguage {
  let asked: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') asked = argv[i + 1] ?? '';
    else if (arg.startsWith('--lang=')) asked = arg.slice('--lang='.length);
  }
  if (asked !== undefined) {
    const found = CLI_LANGUAGES.find((l) => l.toLowerCase() === asked!.toLowerCase());
    if (!found) throw new UsageError(`--lang takes zh-CN or en, not "${asked}".`);
    return found;
  }
  return fromLocale(env.LC_ALL) ?? fromLocale(env.LANG) ?? 'en';
}
