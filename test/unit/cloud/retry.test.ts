// The retry table: what is repeated, how often, and how long we wait. The errors are the ones the
// official SDK throws (openapi-core's ThrottlingError / ClientError / ServerError, httpx's
// RequestTimeoutError, a socket's errno), turned into CloudErrors as every call does.
import { ClientError, ServerError, ThrottlingError } from '@alicloud/openapi-core';
import { describe, expect, it } from 'vitest';
import { toCloudError } from '../../../electron/core/cloud/errors';
import {
  backoffDelay,
  DEFAULT_RETRY,
  isWriteAction,
  repeatable,
  shouldRetry,
  withRetry,
} from '../../../electron/core/cloud/retry';
import { CloudLimits, CloudSession } from '../../../electron/core/cloud/session';
import { mulberry32 } from '../../../simulator/src/faults';

// The simulator's seeded PRNG: the jitter is random, the test is not.
const seeded = mulberry32;

/** What the SDK builds from an error answer (openapi-core client.js). */
function answer(kind: 'throttle' | 'client' | 'server', statusCode: number, code?: string) {
  const data = code ? { Code: code, Message: `says ${code}`, RequestId: 'R-1' } : {};
  const map = {
    statusCode,
    code: `${code}`,
    message: `code: ${statusCode}, says ${code} request id: R-1`,
    data,
    requestId: 'R-1',
  };
  if (kind === 'throttle') return new ThrottlingError(map);
  return kind === 'client' ? new ClientError(map) : new ServerError(map);
}

function socketError(errno: string): Error {
  return Object.assign(new Error(`connect ${errno} 10.0.0.1:443`), { code: errno });
}

function timeout(): Error {
  // httpx (under the SDK) names both its connect and its read timeouts so.
  const error = new Error('ReadTimeout: 20000. POST / failed.');
  error.name = 'RequestTimeoutError';
  return error;
}

function htmlErrorPage(): Error {
  return new SyntaxError('Unexpected token < in JSON at position 0');
}

// [what happened, the error the SDK threw, retried for a read, retried for a write]
const TABLE: [string, () => unknown, boolean, boolean][] = [
  ['Throttling.User', () => answer('throttle', 400, 'Throttling.User'), true, true],
  ['Throttling.Api', () => answer('throttle', 400, 'Throttling.Api'), true, true],
  ['HTTP 429 without a code', () => answer('client', 429), true, true],
  ['503 ServiceUnavailable', () => answer('server', 503, 'ServiceUnavailable'), true, true],
  ['500 InternalError', () => answer('server', 500, 'InternalError'), true, false],
  ["a gateway's 504 (the change may be under way)", () => answer('server', 504), true, false],
  ['a proxy error page that is not JSON', htmlErrorPage, true, false],
  ['connection reset', () => socketError('ECONNRESET'), true, false],
  ['connection refused', () => socketError('ECONNREFUSED'), true, false],
  ['DNS failure', () => socketError('ENOTFOUND'), true, false],
  ['socket timeout', () => socketError('ETIMEDOUT'), true, false],
  ['connect or read timeout', timeout, true, false],
  ['400 InvalidParameter', () => answer('client', 400, 'InvalidParameter'), false, false],
  ['403 Forbidden.RAM', () => answer('client', 403, 'Forbidden.RAM'), false, false],
  ['404 ErrorClusterNotFound', () => answer('client', 404, 'ErrorClusterNotFound'), false, false],
  ['409 inside the cooldown', () => answer('client', 409), false, false],
  ['bad AccessKey', () => answer('client', 404, 'InvalidAccessKeyId.NotFound'), false, false],
  ['400 ErrorClusterState', () => answer('client', 400, 'ErrorClusterState'), false, false],
];

describe('shouldRetry', () => {
  for (const [what, thrown, read, write] of TABLE) {
    it(`${what}: read ${read ? 'retried' : 'not retried'}, write ${write ? 'retried' : 'not retried'}`, () => {
      const error = toCloudError(thrown(), 'cs', 'UpdateKMSEncryption');
      expect(shouldRetry(error, true)).toBe(read);
      expect(shouldRetry(error, false)).toBe(write);
    });
  }
});

describe('writes by name', () => {
  it.each([
    'UpdateKMSEncryption',
    'SetDeletionProtection',
    'CreateCluster',
    'CreateRole',
    'AttachPolicyToRole',
    'DeleteCluster',
    'ModifyClusterTags',
    'TagResources',
    'EnableKey',
    'DisableKey',
  ])('%s is a write, never repeatable', (action) => {
    expect(isWriteAction(action)).toBe(true);
    expect(repeatable(action, true)).toBe(false);
  });

  it.each([
    'DescribeClusterDetail',
    'DescribeClustersV1',
    'ListKeys',
    'DescribeKey',
    'GetCallerIdentity',
    'GetRole',
    'LookupEvents',
    'AssumeRole',
  ])('%s is a read, repeatable when its call site says so', (action) => {
    expect(isWriteAction(action)).toBe(false);
    expect(repeatable(action, true)).toBe(true);
    expect(repeatable(action, false)).toBe(false);
  });
});

describe('backoffDelay', () => {
  const policy = { ...DEFAULT_RETRY, random: seeded(17) };

  it('stays within full jitter: 0 to min(max, base x 2^(attempt-1))', () => {
    const seen = new Set<number>();
    for (let round = 0; round < 200; round += 1) {
      for (let attempt = 1; attempt <= 12; attempt += 1) {
        const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        const delay = backoffDelay(attempt, policy);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(ceiling);
        seen.add(delay);
      }
    }
    // Jittered, not a fixed schedule (clients throttled together do not come back together).
    expect(seen.size).toBeGreaterThan(100);
  });

  it('reaches its bounds at the ends of the random range', () => {
    expect(backoffDelay(3, { ...DEFAULT_RETRY, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...DEFAULT_RETRY, random: () => 0.999999 })).toBe(1_600);
    expect(backoffDelay(30, { ...DEFAULT_RETRY, random: () => 0.999999 })).toBe(8_000);
  });

  it("takes the cloud's x-acs-retry-after, but never more than a minute", () => {
    expect(backoffDelay(1, policy, 1_200)).toBe(1_200);
    expect(backoffDelay(1, policy, 3_600_000)).toBe(60_000);
  });
});

describe('withRetry', () => {
  async function attempts(thrown: () => unknown, idempotent: boolean) {
    let calls = 0;
    const delays: number[] = [];
    const error = await withRetry(
      async () => {
        calls += 1;
        throw toCloudError(thrown(), 'cs', 'DescribeClusterDetail');
      },
      { ...DEFAULT_RETRY, idempotent, random: seeded(3), sleep: async () => undefined },
      (_e, _attempt, delay) => delays.push(delay),
    ).catch((e: unknown) => e);
    return { calls, delays, error };
  }

  for (const [what, thrown, read, write] of TABLE) {
    it(`${what}: ${read ? DEFAULT_RETRY.maxAttempts : 1} read attempts, ${write ? DEFAULT_RETRY.maxAttempts : 1} write attempts`, async () => {
      const r = await attempts(thrown, true);
      const w = await attempts(thrown, false);
      expect(r.calls).toBe(read ? DEFAULT_RETRY.maxAttempts : 1);
      expect(w.calls).toBe(write ? DEFAULT_RETRY.maxAttempts : 1);
      // The last error is the caller's to see, unchanged.
      expect(r.error).toMatchObject({ code: 'cloud' });
      for (const [i, delay] of r.delays.entries())
        expect(delay).toBeLessThanOrEqual(
          Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** i),
        );
    });
  }

  it('stops as soon as an attempt succeeds', async () => {
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw toCloudError(answer('throttle', 400, 'Throttling.User'), 'cs', 'X');
        return 'ok';
      },
      { ...DEFAULT_RETRY, idempotent: false, sleep: async () => undefined },
    );
    expect(value).toBe('ok');
    expect(calls).toBe(3);
  });

  it('never retries what is not a cloud error (a bug of ours)', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw new TypeError('x is undefined');
        },
        { ...DEFAULT_RETRY, idempotent: true, sleep: async () => undefined },
      ),
    ).rejects.toThrow(TypeError);
    expect(calls).toBe(1);
  });
});

describe('a CloudSession call', () => {
  function session() {
    const slept: number[] = [];
    const s = new CloudSession({
      accountKey: 'acc-1',
      credentials: async () => ({ accessKeyId: 'LTAI-test', accessKeySecret: 'not-a-secret' }),
      limits: new CloudLimits(),
      env: {},
      retry: { random: seeded(5), sleep: async (ms) => void slept.push(ms) },
    });
    return { s, slept };
  }

  async function callsOf(action: string, idempotent: boolean, thrown: () => unknown) {
    const { s } = session();
    let calls = 0;
    const error = await s
      .call(
        'kms',
        action,
        'cn-hangzhou',
        async () => {
          calls += 1;
          throw thrown();
        },
        { idempotent },
      )
      .catch((e: unknown) => e);
    return { calls, error };
  }

  it('never repeats a write after a network error, even when its call site says it may', async () => {
    // kms.ts sends every KMS action, SetDeletionProtection too, with idempotent: true.
    for (const thrown of [() => socketError('ECONNRESET'), timeout]) {
      const { calls, error } = await callsOf('SetDeletionProtection', true, thrown);
      expect(calls).toBe(1);
      expect(error).toMatchObject({ cloud: { kind: 'network' } });
      expect((await callsOf('UpdateKMSEncryption', false, thrown)).calls).toBe(1);
    }
  });

  it('repeats a read after a network error, a bounded number of times', async () => {
    const { calls } = await callsOf('DescribeKey', true, () => socketError('ECONNRESET'));
    expect(calls).toBe(DEFAULT_RETRY.maxAttempts);
  });

  it('repeats a throttled write (it was refused, not done), with bounded waits', async () => {
    const { s, slept } = session();
    let calls = 0;
    await s
      .call(
        'kms',
        'SetDeletionProtection',
        'cn-hangzhou',
        async () => {
          calls += 1;
          throw answer('throttle', 400, 'Throttling.User');
        },
        { idempotent: false },
      )
      .catch(() => undefined);
    expect(calls).toBe(DEFAULT_RETRY.maxAttempts);
    expect(slept).toHaveLength(DEFAULT_RETRY.maxAttempts - 1);
    for (const ms of slept) expect(ms).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
  });
});
