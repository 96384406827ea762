// The one key-reference rule: every form KMS accepts, and nothing else, in the parser and in
// every contract schema that takes a key.
import { describe, expect, it } from 'vitest';
import {
  KEY_REF_FORMS,
  keyIdWithoutLookup,
  parseKeyRef,
  refersToKey,
} from '../../../electron/contract';
import { batchPlanSchema, inputSchemas } from '../../../electron/contract/schemas';

const UUID = '7906979c-8e06-46a2-be2d-68e3ccbc0a11';
const ARN = `acs:kms:cn-hangzhou:1000000000000001:key/${UUID}`;

describe('parseKeyRef', () => {
  it('reads key ids of both forms, aliases and key ARNs', () => {
    expect(parseKeyRef('key-hzz630494463ejqjx1234')).toEqual({
      kind: 'id',
      text: 'key-hzz630494463ejqjx1234',
      keyId: 'key-hzz630494463ejqjx1234',
    });
    expect(parseKeyRef(UUID)).toEqual({ kind: 'id', text: UUID, keyId: UUID });
    expect(parseKeyRef(UUID.toUpperCase())?.kind).toBe('id');
    expect(parseKeyRef('alias/Apollo/WorkKey')).toEqual({
      kind: 'alias',
      text: 'alias/Apollo/WorkKey',
      alias: 'alias/Apollo/WorkKey',
    });
    expect(parseKeyRef(ARN)).toEqual({
      kind: 'arn',
      text: ARN,
      keyId: UUID,
      regionId: 'cn-hangzhou',
      accountUid: '1000000000000001',
    });
    expect(keyIdWithoutLookup(ARN)).toBe(UUID);
    expect(keyIdWithoutLookup('alias/x')).toBeNull();
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      ' key-abc',
      'key-',
      'alias/',
      'alias',
      `${UUID}0`,
      '1234abcd-12ab-34cd-56ef-12345678****', // the docs' masked example, not a real id
      'acs:kms:cn-hangzhou:1000000000000001:key/alias/x',
      'acs:kms:Hangzhou:1:key/key-abc',
      'acs:kms:cn-hangzhou:uid:key/key-abc',
      'acs:kms:cn-hangzhou:1:alias/x',
      `alias/${'a'.repeat(250)}`,
      'key-a\u202eb',
    ])
      expect(parseKeyRef(bad), bad).toBeNull();
  });

  it('tells whether a reference names a key', () => {
    const key = { keyId: UUID, arn: ARN, aliases: ['alias/legacy'] };
    expect(refersToKey(UUID, key)).toBe(true);
    expect(refersToKey('alias/legacy', key)).toBe(true);
    expect(refersToKey(ARN, key)).toBe(true);
    expect(refersToKey('alias/other', key)).toBe(false);
    expect(refersToKey('key-abc', key)).toBe(false);
    expect(refersToKey(ARN.replace('cn-hangzhou', 'cn-shanghai'), key)).toBe(false);
  });
});

describe('the contract takes every form wherever it takes a key', () => {
  const forms = ['key-abc123', UUID, 'alias/ack-secrets', ARN];
  it.each(forms)('%s', (keyId) => {
    const c = 'c0123456789abcdef0123456789abcdef';
    expect(
      inputSchemas['checks.run'].safeParse({ clusterId: c, action: 'enable', keyId }).success,
    ).toBe(true);
    expect(inputSchemas['encryption.enable'].safeParse({ clusterId: c, keyId }).success).toBe(true);
    expect(
      inputSchemas['fixes.enableDeletionProtection'].safeParse({
        accountId: 'a',
        regionId: 'cn-hangzhou',
        keyId,
      }).success,
    ).toBe(true);
    expect(batchPlanSchema.safeParse({ action: 'enable', keyId }).success).toBe(true);
  });

  it('says which forms it takes when the key is none of them', () => {
    const r = inputSchemas['encryption.enable'].safeParse({ clusterId: 'c1', keyId: 'my key' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(
      `not a KMS key id, alias or key ARN; use ${KEY_REF_FORMS}`,
    );
  });
});
