// What the create form offers in a region (VPCs, vSwitches, versions, default CIDRs) and the
// preflight of a spec built from the same reads: the network side of a new cluster, per session.
import type { ClusterSpecInput } from '../../contract/provision-spec';
import type {
  ClusterDefaults,
  CreatePreflight,
  KubernetesVersionOption,
  VSwitchOption,
  VpcSummary,
} from '../../contract/types/provision';
import type { FleetAccount } from '../accounts/directory';
import { describeKubernetesVersions } from '../cloud/cs-create';
import type { CloudSession } from '../cloud/session';
import { describeVpcs, listVSwitches } from '../cloud/vpc';
import { runPreflight } from './preflight';
import { requestPreview } from './request';
import { defaultCidrs, newestVersion, withDefaults } from './spec';

const settle = <T>(p: Promise<T>): Promise<T | Error> =>
  p.catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));

export async function vpcOptions(
  session: CloudSession,
  regionId: string,
): Promise<{ vpcs: VpcSummary[] }> {
  const list = await describeVpcs(session, regionId);
  return {
    vpcs: list.map((v) => ({
      vpcId: v.vpcId,
      name: v.name,
      cidrBlock: v.cidrBlock ?? '',
      secondaryCidrBlocks: v.secondaryCidrBlocks,
      status: v.status,
    })),
  };
}

export async function vswitchOptions(
  session: CloudSession,
  regionId: string,
  vpcId: string,
): Promise<{ vswitches: VSwitchOption[] }> {
  const list = await listVSwitches(session, regionId, vpcId);
  return { vswitches: list.map((v) => ({ ...v, cidrBlock: v.cidrBlock ?? '' })) };
}

export async function versionOptions(
  session: CloudSession,
  regionId: string,
): Promise<{ versions: KubernetesVersionOption[] }> {
  return { versions: await describeKubernetesVersions(session, regionId) };
}

/** Pod and Service CIDRs clear of the VPC's ranges and its vSwitches'. */
export async function clusterDefaults(
  session: CloudSession,
  regionId: string,
  vpcId: string,
): Promise<ClusterDefaults> {
  const [vpcs, vsws] = await Promise.all([
    describeVpcs(session, regionId),
    listVSwitches(session, regionId, vpcId),
  ]);
  const vpc = vpcs.find((v) => v.vpcId === vpcId);
  return defaultCidrs(takenRanges(vpc, vsws));
}

/**
 * The spec with its defaults filled from the region's reads, and its preflight. A read that
 * fails is handed to the checks as an Error (they say `unknown`), never dropped.
 */
export async function preflightSpec(
  session: CloudSession,
  account: FleetAccount,
  input: ClusterSpecInput,
  now: number,
): Promise<CreatePreflight> {
  const [vpcs, vswitches, versions] = await Promise.all([
    settle(describeVpcs(session, input.regionId)),
    settle(listVSwitches(session, input.regionId, input.vpcId)),
    settle(describeKubernetesVersions(session, input.regionId)),
  ]);
  const vpc = vpcs instanceof Error ? undefined : vpcs.find((v) => v.vpcId === input.vpcId);
  const taken = takenRanges(vpc, vswitches instanceof Error ? [] : vswitches);
  const newest =
    versions instanceof Error
      ? null
      : newestVersion(versions.filter((v) => v.creatable).map((v) => v.version));
  const spec = withDefaults({ ...input, account: account.name }, taken, newest);
  const { keyId, checks } = await runPreflight({
    session,
    accountId: account.id,
    spec,
    now,
    vpcs,
    vswitches,
    versions,
  });
  return {
    accountId: account.id,
    accountName: account.name,
    spec,
    keyId,
    ready: checks.every((c) => c.status !== 'fail'),
    checkedAt: new Date(now).toISOString(),
    checks,
    request: requestPreview(spec, keyId),
  };
}

/** The VPC's ranges and its vSwitches': what new pod and Service CIDRs must stay clear of. */
function takenRanges(
  vpc: { cidrBlock: string | null; secondaryCidrBlocks: string[] } | undefined,
  vswitches: { cidrBlock: string | null }[],
): string[] {
  return [
    ...(vpc?.cidrBlock ? [vpc.cidrBlock] : []),
    ...(vpc?.secondaryCidrBlocks ?? []),
    ...vswitches.flatMap((v) => (v.cidrBlock ? [v.cidrBlock] : [])),
  ];
}
