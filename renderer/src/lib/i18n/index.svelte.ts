// The UI language: the OS locale by default (Electron passes it as navigator.language),
// switchable at run time. Every string comes from en.ts / zh-CN.ts; a test fails on a missing key.
import { en } from './en';
import type { MessageKey } from './en';
import { zhCN } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** Chinese of any region gets Simplified Chinese; everything else English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function detect(): Locale {
  if (typeof navigator === 'undefined') return 'en';
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return localeFromLanguages(languages);
}

// Plural forms, the one way for the whole renderer: a subset of ICU MessageFormat,
// `{n, plural, one {# cluster} other {# clusters}}`, where `#` is the number. The forms hold
// plain text (no placeholders). Chinese has no plural forms and writes `{n} 个集群`.
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;
// One PluralRules per language (a cache, not state: nothing renders from it).
const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

function pluralForm(locale: Locale, n: number): Intl.LDMLPluralRule {
  return (pluralRules[locale] ??= new Intl.PluralRules(locale)).select(n);
}

export function format(
  template: string,
  params?: Record<string, string | number>,
  locale: Locale = 'en',
): string {
  if (!params) return template;
  return template
    .replace(PLURAL, (whole, name: string, one: string, other: string) => {
      const value = params[name];
      if (typeof value !== 'number') return whole;
      return (pluralForm(locale, value) === 'one' ? one : other).replaceAll('#', String(value));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

class I18n {
  locale = $state<Locale>(detect());

  t = (key: MessageKey, params?: Record<string, string | number>): string =>
    format(catalogs[this.locale][key], params, this.locale);

  setLocale(locale: Locale): void {
    this.locale = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }
}

export const i18n = new I18n();
export const t = i18n.t;
