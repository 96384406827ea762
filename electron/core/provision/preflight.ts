// The preflight of a new cluster: the checklist idea applied to a cluster that does not exist yet.
// The key, service-role and caller checks are the change checklist's own (checks/), run on a
// context with no cluster; the network checks (preflight-network.ts) and the spec checks are new.
// Each item has evidence and a fix (preflight-item.ts).
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
        `A cluster named ${spec.name} already exists in ${spec.regionId} (${same.clusterId}).`,
        { name: spec.name, existingClusterId: same.clusterId },
        { hint: 'Choose another name: cluster names are unique in an account.' },
      );
    }
    return item('spec.name', 'pass', `No cluster in ${spec.regionId} is named ${spec.name}.`, {
      name: spec.name,
    });
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
        ? 'No version chosen: the cloud uses its default.'
        : `The cloud offers no Kubernetes version for new ACK Edge clusters in ${spec.regionId}.`,
      { offered: offered.join(',') || null },
      offered.length ? null : { hint: 'Choose another region.' },
    );
  }
  return offered.includes(spec.kubernetesVersion)
    ? item('cluster.version', 'pass', `Kubernetes ${spec.kubernetesVersion} is offered.`, {
        version: spec.kubernetesVersion,
      })
    : item(
        'cluster.version',
        'fail',
        `Kubernetes ${spec.kubernetesVersion} is not offered for new ACK Edge clusters in ${spec.regionId}.`,
        { version: spec.kubernetesVersion, offered: offered.join(',') || null },
        { hint: `Choose one of: ${offered.join(', ') || '(none)'}.` },
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
    return item(
      'caller.createCluster',
      'pass',
      'The caller is the root account, which may create clusters.',
      base,
    );
  const manual = {
    hint: `Make sure ${identity.arn} may call cs:CreateCluster (e.g. the system policy AliyunCSFullAccess).`,
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
        `The caller has ${granting.policyName} (through ${granting.via}), which allows cs:CreateCluster.`,
        { ...base, policy: granting.policyName },
      );
    // A custom policy may allow it: only its name can be read here, so this is not a failure.
    return item(
      'caller.createCluster',
      'manual',
      `None of the caller's system policies allows cs:CreateCluster; a custom policy may.`,
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
