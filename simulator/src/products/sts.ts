// STS 2015-04-01, RPC, global: who am I, and cross-account role assumption with expiring tokens.
import { randomBytes } from 'node:crypto';
import { callerArn } from '../auth/caller';
import { isoUtc } from '../clock';
import { ApiError, commonError } from '../http/errors';
import type { Ctx, Product } from './types';
import { intParam, requireParam } from './util';

function getCallerIdentity(ctx: Ctx) {
  const c = ctx.caller;
  const base = { RequestId: ctx.requestId, AccountId: c.accountId, Arn: callerArn(c) };
  if (c.kind === 'root')
    return {
      json: { ...base, IdentityType: 'Account', UserId: c.accountId, PrincipalId: c.accountId },
    };
  if (c.kind === 'user')
    return { json: { ...base, IdentityType: 'RAMUser', UserId: c.userId, PrincipalId: c.userId } };
  return {
    json: {
      ...base,
      IdentityType: 'AssumedRoleUser',
      RoleId: c.roleId,
      PrincipalId: `${c.roleId}:${c.sessionName}`,
    },
  };
}

const alnum = (n: number) =>
  randomBytes(n * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, n)
    .padEnd(n, 'x');

function assumeRole(ctx: Ctx) {
  const arn = requireParam(ctx, 'RoleArn');
  const session = requireParam(ctx, 'RoleSessionName');
  const m = /^acs:ram::(\d{16}):role\/([A-Za-z0-9.-]{1,64})$/.exec(arn);
  if (!m)
    throw new ApiError(
      400,
      'InvalidParameter.RoleArn',
      `The parameter RoleArn is invalid: ${arn}.`,
    );
  if (!/^[\w.@-]{2,64}$/.test(session))
    throw new ApiError(
      400,
      'InvalidParameter.RoleSessionName',
      'The parameter RoleSessionName is invalid.',
    );
  // The root account cannot call AssumeRole; only a RAM user or role can
  // (docs/alibaba-cloud-api.md §7: META sts AssumeRole; DOC "STS common errors").
  if (ctx.caller.kind === 'root')
    throw new ApiError(403, 'NoPermission', 'Roles may not be assumed by root accounts.');
  const [, accountId, roleName] = m as unknown as [string, string, string];
  const role = ctx.world.accounts.get(accountId)?.roles.get(roleName.toLowerCase());
  if (!role) throw new ApiError(404, 'EntityNotExist.Role', `The role not exists: ${arn}.`); // GUESS status
  if (!role.trust.includes(`account:${ctx.caller.accountId}`)) {
    throw commonError(
      'sts',
      'Forbidden',
      'You are not authorized to do this action. You should be authorized by RAM.',
    );
  }
  const duration = intParam(
    ctx,
    'DurationSeconds',
    Math.min(3600, role.maxSessionDuration),
    900,
    role.maxSessionDuration,
  );
  const accessKeyId = `STS.N${alnum(27)}`;
  const token = `CAIS${randomBytes(96).toString('base64')}`;
  const secret = alnum(44);
  const expiresAt = ctx.now + duration * 1000;
  ctx.world.stsTokens.set(accessKeyId, {
    accessKeyId,
    secret,
    token,
    accountId,
    roleName: role.name,
    sessionName: session,
    expiresAt,
    sourceArn: arn,
  });
  return {
    json: {
      RequestId: ctx.requestId,
      AssumedRoleUser: {
        Arn: `acs:ram::${accountId}:role/${role.name.toLowerCase()}/${session}`,
        AssumedRoleId: `${role.id}:${session}`,
      },
      Credentials: {
        AccessKeyId: accessKeyId,
        AccessKeySecret: secret,
        SecurityToken: token,
        Expiration: isoUtc(expiresAt),
      },
    },
  };
}

export const sts: Product = {
  id: 'sts',
  style: 'rpc',
  version: '2015-04-01',
  host: 'sts',
  regional: false,
  actions: {
    GetCallerIdentity: { ram: null, handler: getCallerIdentity },
    AssumeRole: { ram: 'sts:AssumeRole', handler: assumeRole },
  },
};
