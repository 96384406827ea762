// network.kmsEgress, step 1 of 3: read what the verdict depends on (the security group's type
// and outbound rules, the cluster's vSwitches, the network ACLs bound to them) through the
// checklist's CheckContext, so a batch plan reads a shared vSwitch or ACL once. Cloud failures
// become data here: they decide manual or unknown later. Anything else is a bug and is thrown.
import type { SecurityGroupEgress, SecurityGroupSummary } from '../../cloud/ecs';
import { CloudError } from '../../cloud/errors';
import type { NetworkAclAttributes, VSwitchSummary } from '../../cloud/vpc';
import type { CheckContext } from '../context';

/** The reads the egress check makes (CheckContext has them; tests may give their own). */
export type EgressReads = Pick<
  CheckContext,
  'securityGroupType' | 'securityGroupEgress' | 'vSwitch' | 'networkAcl'
>;

export interface EgressClusterInput {
  regionId: string;
  securityGroupId: string | null;
  vswitchIds: string[];
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: CloudError };

/** Everything read for one cluster, each answer or its cloud failure. */
export interface EgressFacts {
  regionId: string;
  /** The cluster's security group (trimmed), null when it reports none. */
  sgId: string | null;
  /** The cluster's vSwitches, trimmed and without repeats. */
  vswitchIds: string[];
  /** Null when there is no security group to ask about. */
  sgType: Settled<SecurityGroupSummary> | null;
  sgEgress: Settled<SecurityGroupEgress> | null;
  /** One per vswitchIds entry, in the same order. */
  vswitches: Settled<VSwitchSummary>[];
  /** The ACLs bound to the vSwitches read, each once. */
  aclIds: string[];
  acls: Map<string, Settled<NetworkAclAttributes>>;
}

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    if (error instanceof CloudError) return { ok: false, error };
    throw error;
  }
}

export async function fetchEgressFacts(
  reads: EgressReads,
  cluster: EgressClusterInput,
): Promise<EgressFacts> {
  const sgId = cluster.securityGroupId?.trim() || null;
  const vswitchIds = [...new Set(cluster.vswitchIds.map((v) => v.trim()).filter(Boolean))];
  // Everything independent goes out at once; ACLs need the vSwitches first.
  const [sgType, sgEgress, vswitches] = await Promise.all([
    sgId ? settle(reads.securityGroupType(sgId)) : null,
    sgId ? settle(reads.securityGroupEgress(sgId)) : null,
    Promise.all(vswitchIds.map((id) => settle(reads.vSwitch(id)))),
  ]);
  const aclIds = [
    ...new Set(
      vswitches.flatMap((v) => (v.ok && v.value.networkAclId ? [v.value.networkAclId] : [])),
    ),
  ];
  const acls = new Map<string, Settled<NetworkAclAttributes>>(
    await Promise.all(aclIds.map(async (id) => [id, await settle(reads.networkAcl(id))] as const)),
  );
  return {
    regionId: cluster.regionId,
    sgId,
    vswitchIds,
    sgType,
    sgEgress,
    vswitches,
    aclIds,
    acls,
  };
}
