import { describe, expect, it } from 'vitest';
import { GuardError } from '../../../electron/contract';
import {
  assertUniqueName,
  parseProxy,
  parseRoleArn,
  proxyWithPassword,
  redactedProxy,
  validateAccessKeyId,
  validateAccessKeySecret,
  validateCaBundlePath,
  validateDuration,
  validateEndpoint,
  validateExpiration,
  validateExternalId,
  validateName,
  validateRegions,
  validateSecurityToken,
  validateSessionName,
} from '../../../electron/core/accounts/validation';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GuardError);
    return (error as GuardError).details?.field as string;
  }
  throw new Error('expected a validation error');
}

const NOW = Date.parse('2026-06-01T00:00:00Z');

describe('account validation', () => {
  it('AccessKey ids: permanent vs STS', () => {
    expect(validateAccessKeyId(' LTAI5tAbcdefGhij1234 ', 'access-key')).toBe(
      'LTAI5tAbcdefGhij1234',
    );
    expect(validateAccessKeyId('STS.NabcDEF123456', 'sts-token')).toBe('STS.NabcDEF123456');
    expect(fieldOf(() => validateAccessKeyId('STS.NabcDEF123456', 'access-key'))).toBe(
      'accessKeyId',
    );
    expect(fieldOf(() => validateAccessKeyId('LTAI5tAbcdefGhij1234', 'sts-token'))).toBe(
      'accessKeyId',
    );
    expect(fieldOf(() => validateAccessKeyId('short', 'access-key'))).toBe('accessKeyId');
    expect(fieldOf(() => validateAccessKeyId('LTAI5t-with-dash!', 'access-key'))).toBe(
      'accessKeyId',
    );
  });

  it('secrets and tokens: shape only, and never echoed back', () => {
    expect(validateAccessKeySecret('abcDEF1234567890abcdEF12345678', 'LTAI5tX')).toBeTruthy();
    for (const bad of [
      'short',
      'has a space inside it',
      'line\nbreak-in-the-middle',
      'x'.repeat(129),
    ]) {
      try {
        validateAccessKeySecret(bad, 'LTAI5tAbcdefGhij1234');
        throw new Error('accepted');
      } catch (error) {
        expect((error as GuardError).details?.field).toBe('accessKeySecret');
        expect((error as Error).message).not.toContain(bad);
      }
    }
    expect(
      fieldOf(() => validateAccessKeySecret('LTAI5tAbcdefGhij1234', 'LTAI5tAbcdefGhij1234')),
    ).toBe('accessKeySecret');
    expect(validateSecurityToken('CAIS' + 'a'.repeat(40))).toBeTruthy();
    expect(fieldOf(() => validateSecurityToken('tiny'))).toBe('securityToken');
  });

  it('expiry: ISO 8601, in the future', () => {
    expect(validateExpiration('2026-06-01T01:00:00+01:00', NOW - 1)).toBe(
      '2026-06-01T00:00:00.000Z',
    );
    expect(fieldOf(() => validateExpiration('2026-06-01T00:00:00Z', NOW))).toBe('expiration');
    expect(fieldOf(() => validateExpiration('tomorrow', NOW))).toBe('expiration');
    expect(fieldOf(() => validateExpiration('1780000000', NOW))).toBe('expiration');
  });

  it('role ARNs: acs:ram::<uid>:role/<name>', () => {
    expect(parseRoleArn('acs:ram::1000000000000003:role/ack-secret-guard-ops')).toEqual({
      arn: 'acs:ram::1000000000000003:role/ack-secret-guard-ops',
      accountId: '1000000000000003',
      roleName: 'ack-secret-guard-ops',
    });
    for (const bad of [
      'acs:ram::1000000000000003:user/alice',
      'acs:ram:cn-hangzhou:1000000000000003:role/x',
      'arn:aws:iam::123456789012:role/x',
      'acs:ram::abc:role/x',
      'acs:ram::1000000000000003:role/',
    ])
      expect(fieldOf(() => parseRoleArn(bad))).toBe('roleArn');
  });

  it('session name, duration, external id', () => {
    expect(validateSessionName(undefined)).toBe('ack-secret-guard');
    expect(fieldOf(() => validateSessionName('a b'))).toBe('sessionName');
    expect(validateDuration(undefined)).toBe(3600);
    expect(fieldOf(() => validateDuration(899))).toBe('durationSeconds');
    expect(fieldOf(() => validateDuration(43_201))).toBe('durationSeconds');
    expect(fieldOf(() => validateDuration(1000.5))).toBe('durationSeconds');
    expect(validateExternalId('')).toBeNull();
    expect(validateExternalId('ext-id:42')).toBe('ext-id:42');
    expect(fieldOf(() => validateExternalId('has space'))).toBe('externalId');
  });

  it('names: trimmed, unique case-insensitively', () => {
    expect(validateName('  Prod  ')).toBe('Prod');
    expect(fieldOf(() => validateName('   '))).toBe('name');
    expect(fieldOf(() => validateName('a\u0007b'))).toBe('name');
    const existing = [{ id: '1', name: 'Prod' }];
    expect(() => assertUniqueName('prod', existing)).toThrow(/already exists/);
    expect(() => assertUniqueName('prod', existing, '1')).not.toThrow();
  });

  it('regions: null for all, otherwise region ids', () => {
    expect(validateRegions(undefined)).toBeNull();
    expect(validateRegions(null)).toBeNull();
    expect(validateRegions(['cn-hangzhou', 'cn-hangzhou', 'cn-wuhan-lr'])).toEqual([
      'cn-hangzhou',
      'cn-wuhan-lr',
    ]);
    expect(fieldOf(() => validateRegions([]))).toBe('regions');
    expect(fieldOf(() => validateRegions(['Hangzhou']))).toBe('regions');
  });

  it('endpoint overrides reuse the cloud layer rules', () => {
    expect(validateEndpoint('http://127.0.0.1:8790')).toBe('http://127.0.0.1:8790');
    expect(validateEndpoint('  ')).toBeNull();
    expect(fieldOf(() => validateEndpoint('http://example.com'))).toBe('network.endpoint');
  });

  it('proxy URLs: the password is split off, shown redacted, and put back only for the SDK', () => {
    expect(parseProxy('http://proxy.corp:3128')).toEqual({
      url: 'http://proxy.corp:3128',
      password: null,
    });
    const parsed = parseProxy('http://alice:p%40ss-w0rd@proxy.corp:3128/');
    expect(parsed).toEqual({ url: 'http://alice@proxy.corp:3128', password: 'p@ss-w0rd' });
    expect(redactedProxy(parsed!.url, true)).toBe('http://alice:****@proxy.corp:3128');
    expect(proxyWithPassword(parsed!.url, 'p@ss-w0rd')).toBe(
      'http://alice:p%40ss-w0rd@proxy.corp:3128',
    );
    for (const bad of [
      'proxy.corp:3128',
      'socks5://proxy:1080',
      'http://proxy:3128/path',
      'http://:pw@proxy:3128',
    ]) {
      try {
        parseProxy(bad);
        throw new Error('accepted');
      } catch (error) {
        expect((error as GuardError).details?.field).toBe('network.proxy');
        expect((error as Error).message).not.toContain('pw@');
      }
    }
  });

  it('CA bundle paths are absolute', () => {
    expect(validateCaBundlePath('/etc/ssl/corp.pem')).toBe('/etc/ssl/corp.pem');
    expect(fieldOf(() => validateCaBundlePath('corp.pem'))).toBe('network.caBundlePath');
  });
});
