// Where a product lives, and where it does not: region ids are validated before they become a
// host name, and regions without KMS or ActionTrail fail clearly before any call.
import { describe, expect, it } from 'vitest';
import { GuardError, isRegionId } from '../../../electron/contract';
import { inputSchemas } from '../../../electron/contract/schemas';
import { assertOffered, isOffered, resolveEndpoint } from '../../../electron/core/cloud/endpoints';
import { CloudError } from '../../../electron/core/cloud/errors';
import { shouldRetry } from '../../../electron/core/cloud/retry';

const HOSTILE = [
  'evil.com/x',
  'cn-hangzhou.attacker.net',
  'cn-hangzhou:8443',
  'cn-hangzhou/../x',
  'CN-HANGZHOU',
  '',
  'cn',
  `cn-${'a'.repeat(80)}`,
];

describe('region ids', () => {
  it('accepts the cloud’s real shapes', () => {
    for (const r of ['cn-hangzhou', 'cn-wuhan-lr', 'ap-southeast-1', 'cn-shanghai-finance-1']) {
      expect(isRegionId(r)).toBe(true);
      expect(resolveEndpoint('cs', r, null, {}).endpoint).toBe(`cs.${r}.aliyuncs.com`);
    }
  });

  it('refuses anything that would change the host name, before an endpoint is built', () => {
    for (const r of HOSTILE) {
      expect(isRegionId(r)).toBe(false);
      expect(() => resolveEndpoint('cs', r, null, {})).toThrow(GuardError);
      // Also with an override: the region may be spliced into {region}.
      expect(() =>
        resolveEndpoint('kms', r, 'https://{product}-vpc.{region}.aliyuncs.com', {}),
      ).toThrow(/is not a region id/);
    }
  });

  it('is the same rule the contract applies to user input', () => {
    const schema = inputSchemas['keys.list'];
    for (const r of HOSTILE) {
      expect(schema.safeParse({ accountId: 'acc-1', regionId: r }).success).toBe(false);
    }
    expect(schema.safeParse({ accountId: 'acc-1', regionId: 'cn-wuhan-lr' }).success).toBe(true);
  });
});

describe('endpoint overrides, resolved once', () => {
  it('answers the same override, product and region the same way every time, as a fresh copy', () => {
    const first = resolveEndpoint('kms', 'cn-hangzhou', 'http://127.0.0.1:8790', {});
    expect(first).toEqual({ endpoint: '127.0.0.1:8790', protocol: 'http' });
    // A caller that changes its answer must not change the next caller's.
    first.endpoint = 'changed.example.com';
    expect(resolveEndpoint('kms', 'cn-hangzhou', 'http://127.0.0.1:8790', {})).toEqual({
      endpoint: '127.0.0.1:8790',
      protocol: 'http',
    });
    expect(
      resolveEndpoint('kms', 'cn-beijing', 'https://{product}-vpc.{region}.aliyuncs.com', {})
        .endpoint,
    ).toBe('kms-vpc.cn-beijing.aliyuncs.com');
  });

  it('refuses a bad override on every call, not only the first', () => {
    for (let i = 0; i < 2; i++)
      expect(() => resolveEndpoint('cs', 'cn-hangzhou', 'http://example.com', {})).toThrow(
        /plain http to a non-loopback host/,
      );
  });
});

describe('products not offered in a region', () => {
  it('knows the ACK regions without KMS or ActionTrail', () => {
    expect(isOffered('kms', 'cn-zhongwei')).toBe(false);
    expect(isOffered('kms', 'cn-nanjing')).toBe(false);
    expect(isOffered('kms', 'cn-wuhan-lr')).toBe(true);
    expect(isOffered('actiontrail', 'cn-wuhan-lr')).toBe(false);
    expect(isOffered('actiontrail', 'cn-zhongwei')).toBe(false);
    expect(isOffered('actiontrail', 'cn-nanjing')).toBe(true);
    expect(isOffered('cs', 'cn-zhongwei')).toBe(true);
  });

  it('says so as its own kind, not as a network failure', () => {
    let error: unknown;
    try {
      assertOffered('kms', 'cn-zhongwei', 'ListKeys');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CloudError);
    const cloud = error as CloudError;
    expect(cloud.kind).toBe('unavailable');
    expect(shouldRetry(cloud, true)).toBe(false); // not even for a read
    expect(cloud.message).toMatch(
      /^KMS is not offered in region cn-zhongwei: keys cannot be checked here/,
    );
    expect(() => assertOffered('kms', 'cn-hangzhou', 'ListKeys')).not.toThrow();
  });
});
