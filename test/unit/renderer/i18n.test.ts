import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/lib/i18n/en';
import {
  catalogs,
  format,
  i18n,
  localeFromLanguages,
} from '../../../renderer/src/lib/i18n/index.svelte';
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
    // `{n}` and `{n, plural, …}` (English) name the same parameter as `{n}` (Chinese).
    const names = (s: string) =>
      [...s.matchAll(/\{(\w+)(?:\}|, plural, )/g)].map((m) => m[1]).sort();
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

  it('chooses the plural form by the number: 1 cluster, 2 clusters, 0 clusters', () => {
    const clusters = '{n, plural, one {# cluster} other {# clusters}} in {region}';
    expect(format(clusters, { n: 1, region: 'cn-hangzhou' })).toBe('1 cluster in cn-hangzhou');
    expect(format(clusters, { n: 2, region: 'cn-hangzhou' })).toBe('2 clusters in cn-hangzhou');
    expect(format(clusters, { n: 0, region: 'cn-hangzhou' })).toBe('0 clusters in cn-hangzhou');
    // A missing or non-number parameter leaves the text visible rather than guessing a form.
    expect(format(clusters, { region: 'x' })).toBe(
      '{n, plural, one {# cluster} other {# clusters}} in x',
    );
  });

  it('says "1 item", "1 cluster" in the English catalogue wherever a count is shown', () => {
    i18n.setLocale('en');
    expect(i18n.t('checks.notReady', { n: 1 })).toBe('1 item blocks this change.');
    expect(i18n.t('checks.notReady', { n: 3 })).toBe('3 items block this change.');
    expect(i18n.t('fleet.counts.total', { n: 1 })).toBe('1 cluster');
    expect(i18n.t('fleet.counts.total', { n: 2 })).toBe('2 clusters');
    expect(i18n.t('batch.selection', { n: 1, accounts: 1, regions: 2 })).toBe(
      '1 cluster in 1 account and 2 regions.',
    );
    // No "(s)" and no bare "{n} <plural noun>" is left: every English count chooses its form.
    for (const [key, text] of Object.entries(en)) {
      expect(text, key).not.toMatch(/\(s\)/);
      expect(text, key).not.toMatch(
        /\{\w+\} (clusters|accounts|regions|items|keys|lines|entries|files|addresses)\b/,
      );
    }
    // Chinese has no plural forms: the same number, one form.
    i18n.setLocale('zh-CN');
    expect(i18n.t('fleet.counts.total', { n: 1 })).toBe(
      zhCN['fleet.counts.total'].replace('{n}', '1'),
    );
    i18n.setLocale('en');
  });

  it('the demo welcome writes no count of its own: app.info demoCloud gives it', () => {
    for (const text of [
      en['welcome.demo.body'],
      zhCN['welcome.demo.body'],
      en['welcome.demo.bodyCounted'],
      zhCN['welcome.demo.bodyCounted'],
    ])
      expect(text).not.toMatch(/\d/);
    for (const text of [en['welcome.demo.bodyCounted'], zhCN['welcome.demo.bodyCounted']]) {
      expect(text).toMatch(/\{accounts\b/);
      expect(text).toMatch(/\{clusters\b/);
    }
  });
});
