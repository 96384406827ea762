// The account form's model: what each kind checks before sending, and the input it sends —
// for an edit, in the account's own kind's shape with only what changed (a cosmetic edit then
// needs no live check), accepted by the contract's schema as it stands.
import { describe, expect, it } from 'vitest';
import type { Account } from '../../../electron/contract';
import { inputSchemas } from '../../../electron/contract/schemas';
import {
  addInput,
  initialFields,
  placeError,
  regionList,
  roleSources,
  updateInput,
  validateFields,
} from '../../../renderer/src/lib/account-form';
import { ApiError } from '../../../renderer/src/lib/api';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';

const t = i18n.t;
const base = {
  colour: 'blue' as const,
  regions: null,
  network: { endpoint: null, proxy: null, caBundlePath: null },
  identity: null,
  credentialExpiry: null,
  demo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const ak: Account = {
  ...base,
  id: 'ak1',
  name: 'Prod',
  kind: 'access-key',
  accessKeyId: 'LTAI5tProd000001',
};
const sts: Account = {
  ...base,
  id: 'st1',
  name: 'Temp',
  kind: 'sts-token',
  accessKeyId: 'STS.abcdefgh',
  expiration: '2030-01-01T10:00:00.000Z',
};
const role: Account = {
  ...base,
  id: 'r1',
  name: 'Ops',
  kind: 'ram-role',
  sourceAccountId: 'ak1',
  roleArn: 'acs:ram::1234567890123456:role/ops',
  sessionName: 'ack-secret-guard',
  durationSeconds: 3600,
  externalId: null,
};

const accepted = (name: 'accounts.add' | 'accounts.update', input: unknown) =>
  inputSchemas[name].safeParse(input).success;

describe('account form model', () => {
  it('starts a new account with the next palette colour and the default regions', () => {
    const f = initialFields(null, 9, ['cn-hangzhou', 'cn-shanghai']);
    expect(f).toMatchObject({
      kind: 'access-key',
      colour: 'green',
      regions: 'cn-hangzhou, cn-shanghai',
    });
    expect(initialFields(role, 0, null)).toMatchObject({
      kind: 'ram-role',
      colour: 'blue',
      roleArn: role.roleArn,
      durationSeconds: '3600',
      accessKeySecret: '',
    });
  });

  it('checks each kind’s own fields, the role ARN with the core’s pattern', () => {
    const f = { ...initialFields(null, 0, null), kind: 'ram-role' as const, name: 'R' };
    expect(Object.keys(validateFields(f, null, t)).sort()).toEqual(['roleArn', 'sourceAccountId']);
    const shaped = {
      ...f,
      sourceAccountId: 'ak1',
      roleArn: 'acs:ram::12:role/x',
      durationSeconds: '1h',
    };
    expect(validateFields(shaped, null, t)).toEqual({
      roleArn: t('form.err.roleArnShape'),
      durationSeconds: t('form.err.number'),
    });
    expect(
      validateFields({ ...shaped, roleArn: role.roleArn, durationSeconds: '900' }, null, t),
    ).toEqual({});
    const newSts = { ...initialFields(null, 0, null), kind: 'sts-token' as const, name: 'S' };
    expect(Object.keys(validateFields(newSts, null, t)).sort()).toEqual([
      'accessKeyId',
      'accessKeySecret',
      'expiration',
      'securityToken',
    ]);
    // Editing: the saved secret and token stay unless new ones are typed.
    expect(validateFields(initialFields(sts, 0, null), sts, t)).toEqual({});
  });

  it('sends an add input the schema accepts, per kind', () => {
    const f = {
      ...initialFields(null, 0, null),
      name: ' New ',
      regions: 'cn-hangzhou，cn-beijing  ',
      accessKeyId: ' LTAI5tNew0000001 ',
      accessKeySecret: 's'.repeat(30),
    };
    const input = addInput(f);
    expect(input).toMatchObject({
      kind: 'access-key',
      name: 'New',
      accessKeyId: 'LTAI5tNew0000001',
    });
    expect(input.regions).toEqual(['cn-hangzhou', 'cn-beijing']);
    expect(accepted('accounts.add', input)).toBe(true);
    const r = addInput({ ...f, kind: 'ram-role', sourceAccountId: 'ak1', roleArn: role.roleArn });
    expect(r).toMatchObject({ kind: 'ram-role', externalId: null });
    expect(r).not.toHaveProperty('accessKeyId');
    expect(accepted('accounts.add', r)).toBe(true);
  });

  it('a cosmetic edit sends the kind and the cosmetic fields only', () => {
    for (const account of [ak, sts, role]) {
      const input = updateInput({ ...initialFields(account, 0, null), name: 'Renamed' }, account);
      expect(input).toEqual({
        id: account.id,
        kind: account.kind,
        name: 'Renamed',
        colour: 'blue',
        regions: null,
      });
      expect(accepted('accounts.update', input)).toBe(true);
    }
  });

  it('an edit sends only the changed fields of the account’s own kind', () => {
    const newKey = updateInput(
      { ...initialFields(ak, 0, null), accessKeySecret: 's'.repeat(30) },
      ak,
    );
    expect(newKey).toMatchObject({
      kind: 'access-key',
      accessKeyId: ak.accessKeyId,
      accessKeySecret: 's'.repeat(30),
    });
    const newToken = updateInput(
      {
        ...initialFields(sts, 0, null),
        accessKeySecret: 'k'.repeat(30),
        securityToken: 't'.repeat(20),
        expiration: '2031-01-01T10:00',
      },
      sts,
    );
    expect(Object.keys(newToken).sort()).toEqual(
      [
        'accessKeyId',
        'accessKeySecret',
        'colour',
        'expiration',
        'id',
        'kind',
        'name',
        'regions',
        'securityToken',
      ].sort(),
    );
    const roleEdit = updateInput(
      {
        ...initialFields(role, 0, null),
        sessionName: 'edited',
        externalId: 'ext-1',
        endpoint: 'https://x.example',
      },
      role,
    );
    expect(roleEdit).toEqual({
      id: 'r1',
      kind: 'ram-role',
      name: 'Ops',
      colour: 'blue',
      regions: null,
      network: { endpoint: 'https://x.example', proxy: null },
      sessionName: 'edited',
      externalId: 'ext-1',
    });
    for (const input of [newKey, newToken, roleEdit])
      expect(accepted('accounts.update', input)).toBe(true);
  });

  it('offers saved non-role accounts, not the one being edited, as role sources', () => {
    expect(roleSources([ak, sts, role], null).map((a) => a.id)).toEqual(['ak1', 'st1']);
    expect(roleSources([ak, sts, role], ak).map((a) => a.id)).toEqual(['st1']);
  });

  it('places a refused field beside it and anything else above the buttons', () => {
    const cloud = new ApiError({
      code: 'cloud',
      message: 'InvalidAccessKeySecret',
      details: { field: 'accessKeySecret', cloudCode: 'SignatureDoesNotMatch' },
    });
    expect(placeError(cloud, t)).toEqual({
      field: 'accessKeySecret',
      text: `${t('form.err.accessKeySecret')} (SignatureDoesNotMatch)`,
      formError: null,
    });
    const clock = new ApiError({ code: 'cloud', message: 'skew', details: { field: 'clock' } });
    expect(placeError(clock, t)).toMatchObject({
      field: 'endpoint',
      formError: t('form.err.clock'),
    });
    const named = new ApiError({
      code: 'validation',
      message: 'Give the account a name.',
      details: { field: 'name' },
    });
    expect(placeError(named, t)).toEqual({
      field: 'name',
      text: 'Give the account a name.',
      formError: null,
    });
    expect(placeError(new Error('boom'), t)).toMatchObject({
      field: null,
      formError: t('form.failed', { message: 'boom' }),
    });
  });

  it('reads regions split by commas, spaces or the full-width comma', () => {
    expect(regionList(' cn-hangzhou, cn-shanghai，cn-beijing ')).toEqual([
      'cn-hangzhou',
      'cn-shanghai',
      'cn-beijing',
    ]);
    expect(regionList('  ')).toBeNull();
  });
});
