// The preflight of a new cluster: the checklist idea applied to a cluster that does not exist yet.
// The key, service-role and caller checks are the change checklist's own (checks/), run on a
// context with no cluster; the network checks (preflight-network.ts) and the spec checks are new.
// Each item has evidence and a fix (preflight-item.ts).
import { message } from '../../contract';
import { parseKeyRef } from '../../contract/key-ref';
import type { CheckResult } from '../../contract/types/checks';
import type { PreflightCheck, PreflightId } from '../../contract/types/provision';
import { callerKmsCryptoAdmin, serviceRole } from '../checks/access';
import { CheckContext } from '../checks/context';
import {
  keyCreator,
  keyDeletionProtection,
  keyExists,
  keyRegionCheck,
  keyRotation,
  keySpec,
  keyState,
  keyUsage,
} from '../checks/key';
import { checkKmsEgress } from '../checks/network-egress';
import { CONSOLE } from '../cloud/console';
import { listClusters } from '../cloud/cs';
import { asPreflight, cloudFailure, item } from './preflight-item';
import type { PreflightInput } from './preflight-item';
import { cidrsValid, overlapCheck, vpcCheck, vswitchChecks } from './preflight-network';

/** Policies that include cs:CreateCluster (system policies; a custom one may too). */
const CREATE_POLICIES = new Set(['AliyunCSFullAccess', 'AdministratorAccess']);

async function nameFree(input: PreflightInput): Promise<PreflightCheck> {
  const { spec, session } = input;
  try {
    const [edge, pro] = await Promise.all([
      listClusters(session, { regionId: spec.regionId, profile: 'Edge' }),
      listClusters(session, { regionId: spec.regionId, profile: 'Default' }),
    ]);
    const same = [...edge, ...pro].find((c) => c.name === spec.name);
    if (same) {
      return item(
        'spec.name',
        'fail',
        message('preflight.name.taken', {
          name: spec.name,
          region: spec.regionId,
          clusterId: same.clusterId,
        }),
        { name: spec.name, existingClusterId: same.clusterId },
        { message: message('fix.preflight.name.other') },
      );
    }
    return item(
      'spec.name',
      'pass',
      message('preflight.name.free', { region: spec.regionId, name: spec.name }),
      { name: spec.name },
    );
  } catch (error) {
    return cloudFailure('spec.name', 'whether the name is taken', error as Error);
  }
}

function versionCheck(input: PreflightInput): PreflightCheck {
  const { spec } = input;
  if (input.versions instanceof Error)
    return cloudFailure('cluster.version', 'the Kubernetes versions', input.versions);
  const offered = input.versions.filter((v) => v.creatable).map((v) => v.version);
  if (!spec.kubernetesVersion) {
    return item(
      'cluster.version',
      offered.length ? 'pass' : 'fail',
      offered.length
        ? message('preflight.version.default')
        : message('preflight.version.noneOffered', { region: spec.regionId }),
      { offered: offered.join(',') || null },
      offered.length ? null : { message: message('fix.preflight.region.other') },
    );
  }
  const version = spec.kubernetesVersion;
  return offered.includes(version)
    ? item('cluster.version', 'pass', message('preflight.version.offered', { version }), {
        version,
      })
    : item(
        'cluster.version',
        'fail',
        message('preflight.version.notOffered', { version, region: spec.regionId }),
        { version, offered: offered.join(',') || null },
        {
          message: offered.length
            ? message('fix.preflight.version.choose', { versions: offered.join(', ') })
            : message('fix.preflight.region.other'),
        },
      );
}

async function callerMayCreate(ctx: CheckContext): Promise<PreflightCheck> {
  let identity;
  try {
    identity = await ctx.identity();
  } catch (error) {
    return cloudFailure('caller.createCluster', 'who the caller is', error as Error);
  }
  const base = { identityType: identity.identityType, arn: identity.arn };
  if (identity.identityType === 'Account')
    return item('caller.createCluster', 'pass', message('preflight.caller.root'), base);
  const manual = {
    message: message('fix.preflight.caller.allowCreate', { arn: identity.arn }),
    consoleUrl: CONSOLE.ramUsers,
  };
  try {
    const { policies } = await ctx.callerPolicies();
    const granting = policies.find(
      (p) => CREATE_POLICIES.has(p.policyName) && p.policyType === 'System',
    );
    if (granting)
      return item(
        'caller.createCluster',
        'pass',
        message('preflight.caller.granted', { policy: granting.policyName, via: granting.via }),
        { ...base, policy: granting.policyName },
      );
    // A custom policy may allow it: only its name can be read here, so this is not a failure.
    return item(
      'caller.createCluster',
      'manual',
      message('preflight.caller.customMaybe'),
      { ...base, policies: policies.map((p) => p.policyName).join(',') || null },
      manual,
    );
  } catch (error) {
    return cloudFailure(
      'caller.createCluster',
      'whether the caller may create clusters',
      error,
      manual,
    );
  }
}

/** The key id a spec's key names: an alias is resolved in the region; unresolvable stays as it is. */
export async function resolveKey(ctx: CheckContext, keyRef: string): Promise<string> {
  const ref = parseKeyRef(keyRef);
  if (!ref || ref.kind === 'id') return keyRef;
  if (ref.kind === 'arn') return ref.keyId;
  try {
    return (await ctx.key(ref.alias)).key.keyId || keyRef;
  } catch {
    return keyRef;
  }
}

export async function runPreflight(
  input: PreflightInput,
): Promise<{ keyId: string; checks: PreflightCheck[] }> {
  const { spec, session } = input;
  const base = {
    session,
    accountId: input.accountId,
    clusterId: '',
    regionId: spec.regionId,
    action: 'enable' as const,
    now: input.now,
  };
  const keyId = await resolveKey(new CheckContext({ ...base, keyId: spec.keyId }), spec.keyId);
  const keyRef = keyId !== spec.keyId ? { keyRef: spec.keyId } : {};
  const ctx = new CheckContext({ ...base, keyId, ...keyRef });
  const { check: vpc, vpc: vpcInfo } = vpcCheck(input);
  const { checks: vsw, chosen } = vswitchChecks(input);
  const guarded = (p: Promise<CheckResult>, id: PreflightId) =>
    p.then(asPreflight).catch((error: unknown) => cloudFailure(id, id, error));
  const keyChecks = await Promise.all([
    guarded(keyExists(ctx), 'key.exists'),
    guarded(keyRegionCheck(ctx), 'key.region'),
    guarded(keySpec(ctx), 'key.spec'),
    guarded(keyUsage(ctx), 'key.usage'),
    guarded(keyState(ctx), 'key.state'),
    guarded(keyRotation(ctx), 'key.rotation'),
    guarded(keyCreator(ctx), 'key.creator'),
    guarded(keyDeletionProtection(ctx), 'key.deletionProtection'),
    guarded(serviceRole(ctx), 'role.csManagedSecurity'),
    callerMayCreate(ctx),
    guarded(callerKmsCryptoAdmin(ctx), 'caller.kmsCryptoAdmin'),
  ]);
  const egress = spec.securityGroupId
    ? [
        await guarded(
          checkKmsEgress(ctx, {
            regionId: spec.regionId,
            securityGroupId: spec.securityGroupId,
            vswitchIds: spec.vswitchIds,
          }),
          'network.kmsEgress',
        ),
      ]
    : [];
  const checks = [
    await nameFree(input),
    cidrsValid(spec),
    vpc,
    ...vsw,
    overlapCheck(spec, vpcInfo, chosen),
    ...egress,
    versionCheck(input),
    ...keyChecks,
  ];
  return { keyId, checks };
}
