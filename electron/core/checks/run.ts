// Runs the checklist for one cluster and an intended action. Checks run concurrently and share
// what they fetch (CheckContext); the result is ready when nothing fails.
import { parseKeyRef } from '../../contract/key-ref';
import type { CheckId, CheckResult, Checklist } from '../../contract/types/checks';
import { callerClusterRbac, callerKmsCryptoAdmin, serviceRole } from './access';
import { clusterCooldown, clusterEdition, clusterEncryption, clusterState } from './cluster';
import { BatchCache, CheckContext } from './context';
import type { CheckInput } from './context';
import {
  keyCreator,
  keyDeletionProtection,
  keyExists,
  keyRegionCheck,
  keyRotation,
  keySpec,
  keyState,
  keyUsage,
} from './key';
import { keyUsableForDisable } from './key-before-disable';
import { checkKmsEgress } from './network-egress';
import { message, messageOf } from '../../contract';
import { readiness, result } from './result';

type Check = (ctx: CheckContext) => Promise<CheckResult>;

async function egress(ctx: CheckContext): Promise<CheckResult> {
  const { cluster } = await ctx.cluster().catch(() => ({ cluster: null }));
  return checkKmsEgress(ctx, {
    regionId: ctx.input.regionId,
    securityGroupId: cluster?.securityGroupId ?? null,
    vswitchIds: cluster?.vswitchIds ?? [],
  });
}

const ENABLE: [CheckId, Check][] = [
  ['cluster.edition', clusterEdition],
  ['cluster.state', clusterState],
  ['cluster.cooldown', clusterCooldown],
  ['cluster.encryption', clusterEncryption],
  ['key.exists', keyExists],
  ['key.region', keyRegionCheck],
  ['key.spec', keySpec],
  ['key.usage', keyUsage],
  ['key.state', keyState],
  ['key.rotation', keyRotation],
  ['key.creator', keyCreator],
  ['key.deletionProtection', keyDeletionProtection],
  ['role.csManagedSecurity', serviceRole],
  ['caller.kmsCryptoAdmin', callerKmsCryptoAdmin],
  ['caller.clusterRbac', callerClusterRbac],
  ['network.kmsEgress', egress],
];

/** Disabling needs the cluster, the caller's RBAC, the service role (to decrypt during the switch) and a live key. */
const DISABLE: [CheckId, Check][] = [
  ['cluster.edition', clusterEdition],
  ['cluster.state', clusterState],
  ['cluster.cooldown', clusterCooldown],
  ['cluster.encryption', clusterEncryption],
  ['key.state', keyUsableForDisable],
  ['role.csManagedSecurity', serviceRole],
  ['caller.clusterRbac', callerClusterRbac],
];

export function checksFor(action: 'enable' | 'disable'): CheckId[] {
  return (action === 'enable' ? ENABLE : DISABLE).map(([id]) => id);
}

/**
 * An alias or an ARN becomes the key id it names in the cluster's region, before any check runs:
 * every check then compares ids, and the change sends the id (UpdateKMSEncryption refuses an
 * alias). A reference that cannot be resolved stays as it is, and key.exists says why.
 */
async function withResolvedKey(input: CheckInput, batch: BatchCache): Promise<CheckInput> {
  if (input.action !== 'enable' || !input.keyId) return input;
  const ref = parseKeyRef(input.keyId);
  if (!ref || ref.kind === 'id') return input;
  if (ref.kind === 'arn') return { ...input, keyId: ref.keyId, keyRef: ref.text };
  try {
    const { key } = await new CheckContext(input, batch).key(ref.alias);
    return key.keyId ? { ...input, keyId: key.keyId, keyRef: ref.alias } : input;
  } catch {
    return input;
  }
}

export async function runChecklist(
  request: CheckInput,
  batch: BatchCache = new BatchCache(),
): Promise<Checklist> {
  const input = await withResolvedKey(request, batch);
  const ctx = new CheckContext(input, batch);
  const table = input.action === 'enable' ? ENABLE : DISABLE;
  const checks = await Promise.all(
    table.map(async ([id, check]) => {
      try {
        return await check(ctx);
      } catch (error) {
        // A bug in one check must not hide the others; it reads as "could not check".
        return result(
          id,
          'unknown',
          message('check.notChecked.bug', { detail: messageOf(error) }),
          {},
          null,
        );
      }
    }),
  );
  return {
    clusterId: input.clusterId,
    accountId: input.accountId,
    regionId: input.regionId,
    action: input.action,
    keyId: input.action === 'enable' ? input.keyId : await ctx.keyId().catch(() => null),
    ...(input.keyRef ? { keyRef: input.keyRef } : {}),
    ...readiness(input.action, checks),
    checkedAt: new Date(input.now).toISOString(),
    checks,
  };
}
