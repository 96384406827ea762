// Runs the checklist for one cluster and an intended action. Checks run concurrently and share
// what they fetch (CheckContext); the result is ready when nothing fails.
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
import { checkKmsEgress } from './network-egress';

type Check = (ctx: CheckContext) => Promise<CheckResult>;

async function egress(ctx: CheckContext): Promise<CheckResult> {
  const { cluster } = await ctx.cluster().catch(() => ({ cluster: null }));
  return checkKmsEgress(ctx.input.session, {
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
  ['key.state', keyState],
  ['role.csManagedSecurity', serviceRole],
  ['caller.clusterRbac', callerClusterRbac],
];

export function checksFor(action: 'enable' | 'disable'): CheckId[] {
  return (action === 'enable' ? ENABLE : DISABLE).map(([id]) => id);
}

export async function runChecklist(
  input: CheckInput,
  batch: BatchCache = new BatchCache(),
): Promise<Checklist> {
  const ctx = new CheckContext(input, batch);
  const table = input.action === 'enable' ? ENABLE : DISABLE;
  const checks = await Promise.all(
    table.map(async ([id, check]) => {
      try {
        return await check(ctx);
      } catch (error) {
        // A bug in one check must not hide the others; it reads as "could not check".
        return {
          id,
          status: 'unknown' as const,
          summary: `Could not check: ${error instanceof Error ? error.message : String(error)}`,
          evidence: {},
          fix: null,
        };
      }
    }),
  );
  return {
    clusterId: input.clusterId,
    accountId: input.accountId,
    regionId: input.regionId,
    action: input.action,
    keyId: input.action === 'enable' ? input.keyId : await ctx.keyId().catch(() => null),
    ready: checks.every((c) => c.status !== 'fail'),
    checkedAt: new Date(input.now).toISOString(),
    checks,
  };
}
