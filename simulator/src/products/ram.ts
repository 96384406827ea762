// RAM 2015-05-01, RPC, global. Enough to check and repair AliyunCSManagedSecurityRole and to
// read a user's (and their groups') policies.
import { isoUtc } from '../clock';
import { ApiError } from '../http/errors';
import { SYSTEM_POLICIES } from '../world/policies';
import type { AccountRt, RoleRt } from '../world/runtime';
import type { Ctx, Product } from './types';
import { intParam, requireParam } from './util';

const acct = (ctx: Ctx): AccountRt => ctx.world.account(ctx.caller.accountId);

function roleOrThrow(ctx: Ctx, name: string): RoleRt {
  const r = acct(ctx).roles.get(name.toLowerCase());
  if (!r)
    throw new ApiError(
      404,
      'EntityNotExist.Role',
      `The role not exists: acs:ram::${ctx.caller.accountId}:role/${name}.`,
    );
  return r;
}

function roleJson(ctx: Ctx, r: RoleRt) {
  return {
    RoleName: r.name,
    RoleId: r.id,
    // Role ARNs use the lower-case name (docs/alibaba-cloud-api.md §6).
    Arn: `acs:ram::${ctx.caller.accountId}:role/${r.name.toLowerCase()}`,
    Description: r.description,
    AssumeRolePolicyDocument: trustDocument(r.trust),
    CreateDate: isoUtc(r.created),
    UpdateDate: isoUtc(r.updated),
    MaxSessionDuration: r.maxSessionDuration,
  };
}

function trustDocument(trust: string[]): string {
  const ram = trust
    .filter((t) => t.startsWith('account:'))
    .map((t) => `acs:ram::${t.slice(8)}:root`);
  const svc = trust.filter((t) => t.startsWith('service:')).map((t) => t.slice(8));
  const principal: Record<string, string[]> = {};
  if (ram.length) principal.RAM = ram;
  if (svc.length) principal.Service = svc;
  return JSON.stringify({
    Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: principal }],
    Version: '1',
  });
}

/** Parses a trust policy document back into "account:<uid>" / "service:<host>" entries. */
function parseTrust(doc: string): string[] {
  let v: { Statement?: { Principal?: { RAM?: string | string[]; Service?: string | string[] } }[] };
  try {
    v = JSON.parse(doc);
  } catch {
    throw new ApiError(400, 'MalformedPolicyDocument', 'The policy document is not valid JSON.');
  }
  const out: string[] = [];
  for (const s of v.Statement ?? []) {
    for (const r of [s.Principal?.RAM ?? []].flat()) {
      const m = /^acs:ram::(\d+):root$/.exec(r) ?? /^(\d+)$/.exec(r);
      if (m) out.push(`account:${m[1]}`);
    }
    for (const svc of [s.Principal?.Service ?? []].flat()) out.push(`service:${svc}`);
  }
  return out;
}

function policiesJson(ctx: Ctx, refs: { name: string; type: string; attachedAt: number }[]) {
  const a = acct(ctx);
  return {
    json: {
      RequestId: ctx.requestId,
      Policies: {
        Policy: refs.map((p) => ({
          PolicyName: p.name,
          PolicyType: p.type,
          Description:
            p.type === 'System'
              ? (SYSTEM_POLICIES[p.name]?.description ?? '')
              : (a.customPolicies.get(p.name)?.description ?? ''),
          DefaultVersion: 'v1',
          AttachDate: isoUtc(p.attachedAt),
        })),
      },
    },
  };
}

function createRole(ctx: Ctx) {
  const name = requireParam(ctx, 'RoleName');
  if (!/^[A-Za-z0-9.-]{1,64}$/.test(name))
    throw new ApiError(
      400,
      'InvalidParameter.RoleName.InvalidChars',
      'The parameter RoleName contains invalid characters.',
    );
  const doc = requireParam(ctx, 'AssumeRolePolicyDocument');
  const a = acct(ctx);
  if (a.roles.has(name.toLowerCase()))
    throw new ApiError(409, 'EntityAlreadyExists.Role', `The role already exists: ${name}.`);
  const r: RoleRt = {
    name,
    id: String(300000000000000000n + BigInt(a.roles.size + 1) * 7919n),
    description: ctx.params.Description ?? '',
    trust: parseTrust(doc),
    maxSessionDuration: intParam(ctx, 'MaxSessionDuration', 3600, 3600, 43200),
    policies: [],
    created: ctx.now,
    updated: ctx.now,
  };
  a.roles.set(name.toLowerCase(), r);
  return { json: { RequestId: ctx.requestId, Role: roleJson(ctx, r) } };
}

function attachPolicyToRole(ctx: Ctx) {
  const type = requireParam(ctx, 'PolicyType');
  const name = requireParam(ctx, 'PolicyName');
  if (type !== 'System' && type !== 'Custom')
    throw new ApiError(
      400,
      'InvalidParameter.PolicyType.InvalidValue',
      'PolicyType must be System or Custom.',
    );
  const r = roleOrThrow(ctx, requireParam(ctx, 'RoleName'));
  const exists = type === 'System' ? !!SYSTEM_POLICIES[name] : acct(ctx).customPolicies.has(name);
  if (!exists) throw new ApiError(404, 'EntityNotExist.Policy', `The policy not exists: ${name}.`);
  if (r.policies.some((p) => p.name === name && p.type === type)) {
    throw new ApiError(
      409,
      'EntityAlreadyExists.Role.Policy',
      `The policy ${name} is already attached to role ${r.name}.`,
    ); // GUESS code
  }
  r.policies.push({ name, type, attachedAt: ctx.now });
  r.updated = ctx.now;
  return { json: { RequestId: ctx.requestId } };
}

function userOrThrow(ctx: Ctx) {
  const name = requireParam(ctx, 'UserName');
  const u = acct(ctx).users.get(name);
  if (!u) throw new ApiError(404, 'EntityNotExist.User', `The user not exists: ${name}.`);
  return u;
}

export const ram: Product = {
  id: 'ram',
  style: 'rpc',
  version: '2015-05-01',
  host: 'ram',
  regional: false,
  actions: {
    GetRole: {
      ram: 'ram:GetRole',
      handler: (ctx) => ({
        json: {
          RequestId: ctx.requestId,
          Role: roleJson(ctx, roleOrThrow(ctx, requireParam(ctx, 'RoleName'))),
        },
      }),
    },
    CreateRole: { ram: 'ram:CreateRole', handler: createRole },
    AttachPolicyToRole: { ram: 'ram:AttachPolicyToRole', handler: attachPolicyToRole },
    ListPoliciesForRole: {
      ram: 'ram:ListPoliciesForRole',
      handler: (ctx) => policiesJson(ctx, roleOrThrow(ctx, requireParam(ctx, 'RoleName')).policies),
    },
    ListPoliciesForUser: {
      ram: 'ram:ListPoliciesForUser',
      handler: (ctx) => policiesJson(ctx, userOrThrow(ctx).policies),
    },
    ListGroupsForUser: {
      ram: 'ram:ListGroupsForUser',
      handler: (ctx) => {
        const u = userOrThrow(ctx);
        const groups = u.groups.map((g) => acct(ctx).groups.get(g)!);
        return {
          json: {
            RequestId: ctx.requestId,
            Groups: {
              Group: groups.map((g) => ({
                GroupName: g.name,
                Comments: g.comments,
                JoinDate: isoUtc(g.created),
              })),
            },
          },
        };
      },
    },
    ListPoliciesForGroup: {
      ram: 'ram:ListPoliciesForGroup',
      handler: (ctx) => {
        const name = requireParam(ctx, 'GroupName');
        const g = acct(ctx).groups.get(name);
        if (!g) throw new ApiError(404, 'EntityNotExist.Group', `The group not exists: ${name}.`);
        return policiesJson(ctx, g.policies);
      },
    },
  },
};
