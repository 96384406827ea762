import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/lib/i18n/en';
import { catalogs, format, localeFromLanguages } from '../../../renderer/src/lib/i18n/index.svelte';
import { zhCN } from '../../../renderer/src/lib/i18n/zh-CN';

describe('translations', () => {
  it('every key exists in both languages, and none is empty', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [locale, catalog] of Object.entries(catalogs)) {
      for (const [key, text] of Object.entries(catalog)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('placeholders match between languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(zhCN[key]), key).toEqual(names(en[key]));
    }
  });

  it('chooses the language from the OS locale list', () => {
    expect(localeFromLanguages(['zh-CN'])).toBe('zh-CN');
    expect(localeFromLanguages(['zh-TW', 'en-US'])).toBe('zh-CN');
    expect(localeFromLanguages(['de-DE', 'en-GB'])).toBe('en');
    expect(localeFromLanguages(['fr-FR'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
