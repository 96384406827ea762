import { describe, expect, it } from 'vitest';
import {
  isRecommended,
  keyRecommendation,
  soleRecommendedKey,
} from '../../../electron/contract/key-recommendation';
import type { KeyRecommendation } from '../../../electron/contract';

const facts = (over: Partial<Parameters<typeof keyRecommendation>[0]> = {}) => ({
  eligible: true,
  deletionProtection: 'Enabled' as string | null,
  usedBy: [] as string[],
  ...over,
});

describe('keyRecommendation', () => {
  it('recommends an eligible key with deletion protection on that no cluster uses', () => {
    expect(keyRecommendation(facts())).toBe('protected-unused');
  });

  it('recommends the key this account already uses in this region, protected or not', () => {
    expect(keyRecommendation(facts({ usedBy: ['c-1'] }))).toBe('used-here');
    expect(keyRecommendation(facts({ usedBy: ['c-1'], deletionProtection: 'Disabled' }))).toBe(
      'used-here',
    );
  });

  it('does not recommend an unused key without deletion protection, and says why', () => {
    expect(keyRecommendation(facts({ deletionProtection: 'Disabled' }))).toBe('protection-off');
    // Not reported by KMS (or a value we do not know) is unknown, never "on".
    expect(keyRecommendation(facts({ deletionProtection: null }))).toBe('protection-unknown');
    expect(keyRecommendation(facts({ deletionProtection: 'Whatever' }))).toBe('protection-unknown');
  });

  it('never recommends an ineligible key, even one in use', () => {
    expect(keyRecommendation(facts({ eligible: false, usedBy: ['c-1'] }))).toBe('ineligible');
  });

  it('counts only used-here and protected-unused as recommended', () => {
    const all: KeyRecommendation[] = [
      'used-here',
      'protected-unused',
      'protection-off',
      'protection-unknown',
      'ineligible',
    ];
    expect(all.filter(isRecommended)).toEqual(['used-here', 'protected-unused']);
  });
});

describe('soleRecommendedKey', () => {
  const k = (keyId: string, recommendation: KeyRecommendation) => ({ keyId, recommendation });

  it('names the key when exactly one is recommended', () => {
    expect(
      soleRecommendedKey([
        k('a', 'protection-off'),
        k('b', 'protected-unused'),
        k('c', 'ineligible'),
      ]),
    ).toBe('b');
  });

  it('names none when two are recommended, or none is', () => {
    expect(soleRecommendedKey([k('a', 'used-here'), k('b', 'protected-unused')])).toBeNull();
    expect(soleRecommendedKey([k('a', 'protection-off'), k('b', 'protection-unknown')])).toBeNull();
    expect(soleRecommendedKey([])).toBeNull();
  });
});
