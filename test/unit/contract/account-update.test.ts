// accounts.update has one shape per account kind: a field of another kind is refused at the
// door (by the schema), by name and with what to do, before the core sees anything.
import { describe, expect, it } from 'vitest';
import type { CoreApi } from '../../../electron/contract';
import { ROLE_ARN_PATTERN, defaultAccountColour } from '../../../electron/contract';
import { dispatch } from '../../../electron/core/dispatch';

function recordingApi(): { api: CoreApi; calls: unknown[] } {
  const calls: unknown[] = [];
  const api = new Proxy({} as CoreApi, {
    get: () => async (input: unknown) => {
      calls.push(input);
      return { account: null };
    },
  });
  return { api, calls };
}

async function update(payload: unknown) {
  const { api, calls } = recordingApi();
  const reply = await dispatch(api, 'accounts.update', payload);
  return { reply, calls };
}

describe('accounts.update: one shape per kind', () => {
  it.each([
    ['access-key', 'roleArn', 'acs:ram::1234567890:role/r', 'an'],
    ['access-key', 'securityToken', 'x'.repeat(20), 'an'],
    ['access-key', 'expiration', '2030-01-01T00:00:00Z', 'an'],
    ['sts-token', 'sourceAccountId', 'abc', 'an'],
    ['sts-token', 'externalId', 'e', 'an'],
    ['ram-role', 'accessKeyId', 'LTAI5tExample0001', 'a'],
    ['ram-role', 'accessKeySecret', 's'.repeat(30), 'a'],
  ])('refuses %s with %s, naming the field', async (kind, field, value, article) => {
    const { reply, calls } = await update({ id: 'a1', kind, [field]: value });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('validation');
    expect(reply.error.message).toContain(
      `${field} does not apply to ${article} ${kind} account (the kind of an account cannot change; add a new one)`,
    );
    // A secret sent to the wrong kind is not echoed back.
    if (field === 'accessKeySecret') expect(reply.error.message).not.toContain(value);
    expect(calls).toHaveLength(0);
  });

  it('names every foreign field at once', async () => {
    const { reply } = await update({
      id: 'a1',
      kind: 'ram-role',
      accessKeyId: 'x',
      expiration: 'y',
    });
    expect(!reply.ok && reply.error.message).toContain(
      'accessKeyId, expiration do not apply to a ram-role account',
    );
  });

  it('needs the kind, and only a kind there is', async () => {
    for (const payload of [
      { id: 'a1', name: 'x' },
      { id: 'a1', kind: 'root', name: 'x' },
    ]) {
      const { reply, calls } = await update(payload);
      expect(!reply.ok && reply.error.message).toMatch(/kind: .*access-key.*sts-token.*ram-role/);
      expect(calls).toHaveLength(0);
    }
  });

  it.each([
    { id: 'a1', kind: 'access-key', name: 'Prod', colour: 'red', regions: null },
    {
      id: 'a1',
      kind: 'access-key',
      accessKeyId: 'LTAI5tExample0001',
      accessKeySecret: 's'.repeat(30),
    },
    {
      id: 'a1',
      kind: 'sts-token',
      accessKeyId: 'STS.abcdefgh',
      accessKeySecret: 's'.repeat(30),
      securityToken: 't'.repeat(20),
      expiration: '2030-01-01T00:00:00Z',
    },
    { id: 'a1', kind: 'ram-role', roleArn: 'acs:ram::1234567890:role/r', externalId: null },
    { id: 'a1', kind: 'ram-role', network: { endpoint: null } },
  ])('passes the fields of its own kind to the core: %o', async (payload) => {
    const { reply, calls } = await update(payload);
    expect(reply.ok).toBe(true);
    expect(calls).toEqual([payload]);
  });
});

describe('account rules shared by core and window', () => {
  it('the role ARN pattern takes the account id and role name, nothing looser', () => {
    expect(ROLE_ARN_PATTERN.exec('acs:ram::1234567890123456:role/ops.admin')?.slice(1)).toEqual([
      '1234567890123456',
      'ops.admin',
    ]);
    for (const bad of [
      'acs:ram::123:role/x',
      'acs:ram::1234567890123456:user/x',
      'acs:ram::1234567890123456:role/a b',
      ' acs:ram::1234567890123456:role/x',
    ])
      expect(ROLE_ARN_PATTERN.test(bad)).toBe(false);
  });

  it('the default colour goes round the palette by how many accounts exist', () => {
    expect(defaultAccountColour(0)).toBe('blue');
    expect(defaultAccountColour(1)).toBe('green');
    expect(defaultAccountColour(8)).toBe('blue');
    expect(defaultAccountColour(10)).toBe('orange');
  });
});
