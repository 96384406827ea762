// The fleet table's words per row (lib/fleet/row-text.ts): what each cell shows, made once per
// row and language and made again when the language or the account's demo flag changes.
import { afterEach, describe, expect, it } from 'vitest';
import { rowText } from '../../../renderer/src/lib/fleet/row-text';
import { toRow } from '../../../renderer/src/lib/fleet/view';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { cluster, key } from './fixtures';

afterEach(() => i18n.setLocale('en'));

const keyed = () =>
  toRow(
    cluster({
      name: 'a-keyed',
      encryption: { posture: 'encrypted', enabled: true, keyId: 'key-1' },
      key: { ...key({ keyId: 'key-1', aliases: ['alias/prod'] }), health: 'disabled' },
    }),
  );

describe('rowText', () => {
  it('says what each cell shows: region name, key alias beside its id, health, short version', () => {
    i18n.setLocale('en');
    const text = rowText(keyed(), 'en', false);
    expect(text.region).toBe('China (Hangzhou)');
    expect(text.regionTitle).toContain('cn-hangzhou');
    expect(text.key).toBe('alias/prod');
    expect(text.keyTitle).toBe('alias/prod · key-1');
    expect(text.health).not.toBe('');
    expect(text.version).toBe('1.30.1');
    expect(text.edition).toBe('ACK Edge Pro');
    expect(text.updatedTitle).not.toContain('simulated');
  });

  it('leaves the key and its health empty when the cluster has no key', () => {
    const text = rowText(toRow(cluster({ name: 'plain' })), 'en', false);
    expect([text.key, text.keyTitle, text.health, text.attention]).toEqual(['', '', '', '']);
  });

  it('keeps the words of a row, and makes them again in another language or for a demo account', () => {
    const row = keyed();
    i18n.setLocale('en');
    const en = rowText(row, 'en', false);
    expect(rowText(row, 'en', false)).toBe(en);
    i18n.setLocale('zh-CN');
    const zh = rowText(row, 'zh-CN', false);
    expect(zh).not.toBe(en);
    expect(zh.region).toBe('华东1（杭州）');
    expect(zh.edition).not.toBe(en.edition);
    i18n.setLocale('en');
    expect(rowText(row, 'en', true).updatedTitle).toContain('simulated');
  });
});
