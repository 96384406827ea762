// A new cluster's spec: the defaults the window and the CLI share, and the CIDR rules.
// Defaults are chosen so they do not collide with the VPC (ACK: the pod and Service CIDRs must
// not overlap the VPC, its vSwitches, or each other — docs/alibaba-cloud-api.md §4.8).
import type { ClusterDefaults, ClusterSpec } from '../../contract/types/provision';
import type { ClusterSpecInput } from '../../contract/provision-spec';
import { cidrOverlaps, parseCidr } from '../checks/egress/cidr';

/** Candidates in the order the ACK console proposes them (private ranges). */
const POD_CANDIDATES = ['172.20.0.0/16', '172.24.0.0/14', '10.0.0.0/16', '192.168.0.0/16'];
const SERVICE_CANDIDATES = ['192.168.0.0/16', '172.21.0.0/20', '10.96.0.0/12', '172.16.0.0/16'];

/** Pod and Service CIDRs that overlap none of `taken` nor each other. */
export function defaultCidrs(taken: readonly string[]): ClusterDefaults {
  const free = (c: string, also: readonly string[]) =>
    ![...taken, ...also].some((t) => parseCidr(t) && cidrOverlaps(c, t));
  const containerCidr = POD_CANDIDATES.find((c) => free(c, [])) ?? POD_CANDIDATES[0]!;
  const serviceCidr =
    SERVICE_CANDIDATES.find((c) => free(c, [containerCidr])) ?? SERVICE_CANDIDATES[0]!;
  return { containerCidr, serviceCidr };
}

/** The spec with every optional field filled in, the way the window fills its form. */
export function withDefaults(
  input: ClusterSpecInput,
  vpcCidrs: readonly string[],
  newestVersion: string | null,
): ClusterSpec {
  const cidrs = defaultCidrs(vpcCidrs);
  return {
    account: input.account,
    regionId: input.regionId,
    name: input.name,
    keyId: input.keyId,
    vpcId: input.vpcId,
    vswitchIds: [...new Set(input.vswitchIds)],
    containerCidr: input.containerCidr ?? cidrs.containerCidr,
    serviceCidr: input.serviceCidr ?? cidrs.serviceCidr,
    kubernetesVersion: input.kubernetesVersion ?? newestVersion,
    securityGroupId: input.securityGroupId ?? null,
    endpointPublicAccess: input.endpointPublicAccess ?? false,
    snatEntry: input.snatEntry ?? true,
    enterpriseSecurityGroup: input.enterpriseSecurityGroup ?? true,
    deletionProtection: input.deletionProtection ?? true,
  };
}

/** Kubernetes versions sort by their numbers ("1.31.1-aliyun.1" > "1.30.7-aliyun.1"). */
export function newestVersion(versions: readonly string[]): string | null {
  const nums = (v: string) => (v.match(/\d+/g) ?? []).map(Number);
  const sorted = [...versions].sort((a, b) => {
    const x = nums(a);
    const y = nums(b);
    for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
      const d = (x[i] ?? 0) - (y[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
  return sorted.at(-1) ?? null;
}
