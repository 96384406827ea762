import { describe, expect, it } from 'vitest';
import type { KmsKeySummary } from '../../../electron/contract';
import { aliasProblem, defaultKeyAlias, recommendKey } from '../../../electron/contract/key-choice';

const key = (keyId: string, overrides: Partial<KmsKeySummary> = {}) =>
  ({
    keyId,
    eligible: true,
    deletionProtection: 'Enabled',
    usedBy: [],
    aliases: [],
    ...overrides,
  }) as KmsKeySummary;

describe('the recommended key of a group', () => {
  it('is the only eligible, protected key not used outside the group', () => {
    const group = new Set(['c1']);
    expect(recommendKey([key('k1'), key('k2', { eligible: false })], group)).toMatchObject({
      kind: 'one',
      key: { keyId: 'k1' },
    });
    expect(recommendKey([key('k1', { usedBy: ['c1'] })], group).kind).toBe('one');
    expect(recommendKey([key('k1', { usedBy: ['c9'] })], group).kind).toBe('none');
    expect(recommendKey([key('k1', { deletionProtection: 'Disabled' })], group).kind).toBe('none');
    expect(recommendKey([key('k1'), key('k2')], group)).toMatchObject({ kind: 'several' });
    expect(recommendKey([], group).kind).toBe('none');
  });
});

describe('aliases of created keys', () => {
  it('defaults to one per region and follows CreateAlias rules', () => {
    expect(defaultKeyAlias('cn-hangzhou')).toBe('alias/ack-secret-guard-cn-hangzhou');
    expect(aliasProblem('alias/ack-secret-guard-cn-hangzhou')).toBeNull();
    expect(aliasProblem('ack')).toMatch(/starts with "alias\/"/);
    expect(aliasProblem('alias/')).toMatch(/name after/);
    expect(aliasProblem('alias/acs-mine')).toMatch(/reserved/);
    expect(aliasProblem(`alias/${'a'.repeat(250)}`)).toMatch(/at most 255/);
    expect(aliasProblem('alias/with space')).toMatch(/letters, digits/);
  });
});
