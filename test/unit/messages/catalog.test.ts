// The one message catalog (electron/contract/messages): both languages have every key, use only
// the parameters the English text names, and really translate; formatMessage fills parameters;
// evidence field names and enumerated values become words.
import { describe, expect, it } from 'vitest';
import {
  MESSAGE_CATALOGS,
  evidenceLabel,
  evidenceValueText,
  formatMessage,
  message,
  templateParams,
} from '../../../electron/contract';
import type { MessageKey } from '../../../electron/contract';
import { ENGLISH_SENTENCE_WORDS } from '../../support/english-words';

const en = MESSAGE_CATALOGS.en;
const zh = MESSAGE_CATALOGS['zh-CN'];
const keys = Object.keys(en) as MessageKey[];

/** Values that are the same in both languages on purpose (a product term, an acronym). */
const SAME_IN_BOTH = new Set<MessageKey>(['evidence.arn']);
/** Protocol names: translated punctuation only, no Chinese words needed. */
const NO_CHINESE_NEEDED = new Set<MessageKey>([
  ...SAME_IN_BOTH,
  'evidence.probe.https',
  'evidence.probe.dns',
  // errors: a check in a refusal is its own message, already in the language.
  'error.checklist.check',
  // reasons: a check's id (the window shows its title) and a colon.
  'batch.reason.check',
]);

describe('the message catalog', () => {
  it('has the same keys in both languages', () => {
    expect(Object.keys(zh).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s: zh-CN uses only the parameters of the English text', (key) => {
    const allowed = new Set(templateParams(en[key]));
    for (const p of templateParams(zh[key])) expect(allowed, `{${p}} in zh-CN`).toContain(p);
  });

  it('translates every message (a zh-CN value equal to English is an untranslated key)', () => {
    const untranslated = keys.filter((k) => zh[k] === en[k] && !SAME_IN_BOTH.has(k));
    expect(untranslated).toEqual([]);
    // ...and every zh-CN message has Chinese in it, unless allowlisted.
    const noChinese = keys.filter(
      (k) => !/[\u4e00-\u9fff]/.test(zh[k]) && !NO_CHINESE_NEEDED.has(k),
    );
    expect(noChinese).toEqual([]);
  });

  it('keeps parameters out of the words: no English sentence hides in a zh-CN template', () => {
    for (const k of keys) expect(zh[k], k).not.toMatch(ENGLISH_SENTENCE_WORDS);
  });
});

describe('formatMessage', () => {
  it('fills parameters in either language', () => {
    const m = message('check.key.exists.missing', {
      key: 'key-1',
      region: 'cn-hangzhou',
      code: 'Forbidden.KeyNotFound',
    });
    expect(formatMessage(m, 'en')).toBe(
      'Key key-1 does not exist in cn-hangzhou (Forbidden.KeyNotFound).',
    );
    expect(formatMessage(m, 'zh-CN')).toBe(
      'KMS 密钥 key-1 在 cn-hangzhou 中不存在（Forbidden.KeyNotFound）。',
    );
  });

  it('words booleans and null in the language, and defaults to English', () => {
    const m = { key: 'check.egress.allowedWithAcls' as const, params: { sgId: null, aclCount: 2 } };
    expect(formatMessage(m)).toContain('Security group — and 2 network ACL');
    expect(
      formatMessage(
        { key: 'check.cluster.encryption.encrypted', params: { keyId: true } },
        'zh-CN',
      ),
    ).toBe('Secret 已使用 是 加密。');
  });

  it('never drops a message it does not know: English, then the key itself', () => {
    expect(formatMessage({ key: 'no.such.key' as MessageKey }, 'zh-CN')).toBe('no.such.key');
  });

  it('checks keys and parameters at compile time', () => {
    // @ts-expect-error a parameter is missing
    message('check.key.spec.ok');
    // @ts-expect-error no such key
    message('check.key.nothing');
    // @ts-expect-error the message takes no parameters
    message('check.key.state.enabled', { state: 'x' });
    expect(message('check.key.state.enabled')).toEqual({ key: 'check.key.state.enabled' });
  });
});

describe('evidence in words', () => {
  it.each([
    ['keyState', 'en', 'Key state'],
    ['keyState', 'zh-CN', '密钥状态'],
    ['securityGroup.https.decision', 'en', 'Security group, HTTPS (TCP 443): decision'],
    ['securityGroup.https.decision', 'zh-CN', '安全组，HTTPS（TCP 443）：判定'],
    ['securityGroup.dns.portRange', 'zh-CN', '安全组，DNS（UDP 53）：规则端口范围'],
    ['networkAcl.nacl-1.egress.decision', 'zh-CN', '网络 ACL nacl-1，出方向：判定'],
    ['networkAcl.nacl-1.status', 'en', 'Network ACL nacl-1: status'],
    ['vswitch.vsw-1.networkAclId', 'zh-CN', '交换机 vsw-1 的网络 ACL'],
    ['requestIds.DescribeSecurityGroups', 'zh-CN', '请求 ID（DescribeSecurityGroups）'],
    ['error.securityGroup', 'en', 'Error (securityGroup)'],
  ] as const)('labels %s in %s', (name, lang, label) => {
    expect(evidenceLabel(name, lang)).toBe(label);
  });

  it('has no label for a field it does not know (the window then shows the name)', () => {
    expect(evidenceLabel('somethingNew')).toBeNull();
    expect(evidenceLabel('securityGroup.https.somethingNew')).toBeNull();
  });

  it('words enumerated values, and leaves ids and numbers as they are', () => {
    expect(evidenceValueText('securityGroup.https.decision', 'implicitDeny', 'zh-CN')).toBe(
      '默认拒绝（没有规则允许）',
    );
    expect(evidenceValueText('networkAcl.nacl-1.egress.decision', 'explicitDrop', 'en')).toBe(
      'dropped by a rule',
    );
    expect(evidenceValueText('keyState', 'PendingDeletion', 'zh-CN')).toBe('待删除');
    expect(evidenceValueText('securityGroupType', 'enterprise', 'zh-CN')).toBe('企业级安全组');
    expect(evidenceValueText('automaticRotation', 'Disabled', 'zh-CN')).toBe('已关闭');
    expect(evidenceValueText('policyAttached', true, 'zh-CN')).toBe('是');
    expect(evidenceValueText('deleteDate', null, 'en')).toBe('—');
    expect(evidenceValueText('keyId', 'key-1', 'zh-CN')).toBe('key-1');
    expect(evidenceValueText('securityGroup.https.priority', 1, 'zh-CN')).toBe('1');
  });
});
