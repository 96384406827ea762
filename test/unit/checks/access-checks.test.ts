// The access checks over an in-memory CheckContext: ACK's service role, the caller's KMS policy
// and its RBAC role on the cluster (a RAM caller sees only grants where it is RBAC admin, so a
// missing grant is no proof: another saved account may look, else it is manual).
import { describe, expect, it } from 'vitest';
import {
  callerClusterRbac,
  callerKmsCryptoAdmin,
  serviceRole,
} from '../../../electron/core/checks/access';
import { FakeContext, cloudError, grant } from './fake-context';
import type { Script } from './fake-context';

const ROOT = { identityType: 'Account' as const, arn: 'acs:ram::1234567890:root' };
const ctx = (script: Script) => new FakeContext(script);

describe('role.csManagedSecurity', () => {
  const policy = { policyName: 'AliyunCSManagedSecurityRolePolicy', policyType: 'System' };
  it('passes when the role exists with its policy', async () => {
    expect((await serviceRole(ctx({ role: {}, rolePolicies: [policy] }))).status).toBe('pass');
  });
  it('fails when the policy is not attached, offering the in-app authorisation', async () => {
    const r = await serviceRole(ctx({ role: {}, rolePolicies: [] }));
    expect(r.status).toBe('fail');
    expect(r.fix?.action).toBe('authorize-service-role');
  });
  it('fails when the role does not exist', async () => {
    const r = await serviceRole(ctx({ role: cloudError('notFound', 'EntityNotExist.Role') }));
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('does not exist');
    expect(r.fix?.action).toBe('authorize-service-role');
  });
  it('is manual when the caller may not read RAM, with what to ask an administrator', async () => {
    const r = await serviceRole(ctx({ role: cloudError('permission', 'NoPermission') }));
    expect(r.status).toBe('manual');
    expect(r.fix?.hint).toContain('Ask an administrator');
  });
  it('is unknown when RAM does not answer', async () => {
    expect((await serviceRole(ctx({ role: cloudError('network') }))).status).toBe('unknown');
  });
});

describe('caller.kmsCryptoAdmin', () => {
  const policy = (policyName: string, policyType = 'System', via = 'user') => ({
    policyName,
    policyType,
    via,
  });
  it('passes the root account without reading policies', async () => {
    expect((await callerKmsCryptoAdmin(ctx({ identity: ROOT }))).status).toBe('pass');
  });
  it.each(['AliyunKMSCryptoAdminAccess', 'AliyunKMSFullAccess', 'AdministratorAccess'])(
    'passes a RAM user with %s',
    async (name) => {
      const r = await callerKmsCryptoAdmin(
        ctx({ identity: {}, callerPolicies: [policy(name, 'System', 'group ops')] }),
      );
      expect(r.status).toBe('pass');
      expect(r.evidence.via).toBe('group ops');
    },
  );
  it('fails a custom policy that only borrows the name', async () => {
    const r = await callerKmsCryptoAdmin(
      ctx({ identity: {}, callerPolicies: [policy('AliyunKMSCryptoAdminAccess', 'Custom')] }),
    );
    expect(r.status).toBe('fail');
  });
  it('fails a caller without it, listing what it has', async () => {
    const r = await callerKmsCryptoAdmin(
      ctx({ identity: {}, callerPolicies: [policy('AliyunCSReadOnlyAccess')] }),
    );
    expect(r.status).toBe('fail');
    expect(r.evidence.policies).toBe('AliyunCSReadOnlyAccess');
  });
  it('is manual when the caller may not read its own policies', async () => {
    const r = await callerKmsCryptoAdmin(
      ctx({ identity: {}, callerPolicies: cloudError('permission', 'NoPermission') }),
    );
    expect(r.status).toBe('manual');
  });
  it('is unknown when who the caller is cannot be read', async () => {
    expect((await callerKmsCryptoAdmin(ctx({ identity: cloudError('network') }))).status).toBe(
      'unknown',
    );
  });
});

describe('caller.clusterRbac', () => {
  it('passes the root account', async () => {
    expect((await callerClusterRbac(ctx({ identity: ROOT }))).status).toBe('pass');
  });
  it.each([
    [grant('c-1', 'admin')],
    [grant('c-1', 'ops')],
    [grant('all-clusters', 'admin', 'cluster')],
  ])('passes a grant the caller sees: %j', async (g) => {
    expect((await callerClusterRbac(ctx({ identity: {}, rbac: [g] }))).status).toBe('pass');
  });
  it.each([[grant('c-1', 'dev')], [grant('c-other', 'admin')], [grant('c-1', 'restricted')]])(
    'a grant that does not allow the change (%j) is no pass',
    async (g) => {
      expect((await callerClusterRbac(ctx({ identity: {}, rbac: [g] }))).status).toBe('manual');
    },
  );
  it('passes when a peer account sees an O&M grant the caller cannot', async () => {
    const r = await callerClusterRbac(
      ctx({
        identity: {},
        rbac: [],
        peer: { grants: [grant('c-1', 'ops')], requestId: 'r', viewer: 'root', viewedAs: 'root' },
      }),
    );
    expect(r.status).toBe('pass');
    expect(r.evidence.viewer).toBe('root');
  });
  it('fails when a peer that sees every grant finds none allowing the change', async () => {
    const r = await callerClusterRbac(
      ctx({
        identity: {},
        rbac: [],
        peer: { grants: [grant('c-1', 'dev')], requestId: 'r', viewer: 'root', viewedAs: 'root' },
      }),
    );
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('ForbiddenUpdateKMSState');
  });
  it('is manual when nothing is visible and no peer can look', async () => {
    const r = await callerClusterRbac(ctx({ identity: {}, rbac: [] }));
    expect(r.status).toBe('manual');
    expect(r.evidence.visibility).toBe('clusters-where-caller-is-admin');
  });
  it('is manual when the caller may not ask at all, and no peer can look', async () => {
    const denied = ctx({ identity: {}, rbac: cloudError('permission', 'Forbidden') });
    expect((await callerClusterRbac(denied)).status).toBe('manual');
  });
  it('is unknown when CS does not answer and no peer can look', async () => {
    const down = ctx({ identity: {}, rbac: cloudError('network') });
    expect((await callerClusterRbac(down)).status).toBe('unknown');
  });
  it('is unknown when who the caller is cannot be read', async () => {
    expect((await callerClusterRbac(ctx({ identity: cloudError('network') }))).status).toBe(
      'unknown',
    );
  });
});
