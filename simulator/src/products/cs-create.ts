// Container Service (CS) 2015-12-15: creating an ACK Edge cluster (CreateCluster with its
// network checks and its stages) and the Kubernetes versions a new cluster may have.
import { randomBytes } from 'node:crypto';
import { userIdentityOf } from '../auth/caller';
import { isoUtc } from '../clock';
import { ApiError } from '../http/errors';
import { SERVICE_ROLE_ERROR, invalid, keyIdOnly, keyProblem, newTask } from '../world/encryption';
import type { Ctx } from './types';

export function createCluster(ctx: Ctx) {
  const b = ctx.body;
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : undefined);
  const name = str('name');
  const regionId = str('region_id');
  if (!name || !/^[A-Za-z0-9\u4e00-\u9fa5][-A-Za-z0-9_\u4e00-\u9fa5]{0,62}$/.test(name))
    throw invalid(
      'name is required: 1-63 characters, letters, digits, "-" and "_", not starting with "-".',
    );
  if (!regionId || !ctx.world.regions.has(regionId))
    throw invalid(`region_id ${regionId ?? '(missing)'} is not a valid region.`);
  const clusterType = str('cluster_type') ?? 'ManagedKubernetes';
  if (!['ManagedKubernetes', 'Kubernetes', 'ExternalKubernetes'].includes(clusterType))
    throw invalid(`cluster_type ${clusterType} is not supported.`);
  const profile = str('profile') ?? 'Default';
  if (!['Default', 'Edge', 'Serverless', 'Lingjun'].includes(profile))
    throw invalid(`profile ${profile} is not supported.`);
  const spec = str('cluster_spec') || 'ack.standard';
  const key = str('encryption_provider_key');
  if (key) {
    if (!spec.startsWith('ack.pro.'))
      throw invalid(
        'encryption_provider_key is only effective in ACK Pro clusters (cluster_spec ack.pro.*).',
      ); // GUESS: refused, not ignored
    if (!ctx.world.serviceRoleAuthorised(ctx.caller.accountId)) throw SERVICE_ROLE_ERROR();
    const problem = keyProblem(ctx.world, ctx.caller.accountId, regionId, key);
    if (problem) throw invalid(problem);
  }
  const vswitchIds = Array.isArray(b.vswitch_ids)
    ? b.vswitch_ids.filter((x): x is string => typeof x === 'string')
    : [];
  const version = str('kubernetes_version') ?? EDGE_VERSIONS[0]!.version;
  if (profile === 'Edge' && !EDGE_VERSIONS.some((v) => v.creatable && v.version === version))
    throw invalid(`kubernetes_version ${version} cannot be used to create an ACK Edge cluster.`); // GUESS code
  const live = ctx.world.clustersIn(ctx.caller.accountId).filter((c) => c.state !== 'deleted');
  const quota = ctx.world.clusterQuota.get(ctx.caller.accountId) ?? 100;
  if (live.length >= quota)
    throw new ApiError(
      400,
      'QuotaExceeded.Cluster', // GUESS: code and status (docs/alibaba-cloud-api.md §4.8)
      `The number of clusters of this account has reached the quota (${quota}). Delete a cluster or raise the quota in Quota Center.`,
    );
  const vpcId = str('vpcid');
  if (vpcId)
    checkNetwork(ctx, regionId, vpcId, vswitchIds, str('container_cidr'), str('service_cidr'));
  const id = `c${randomBytes(16).toString('hex')}`;
  const c = ctx.world.insertCluster(ctx.caller.accountId, {
    id,
    name,
    regionId,
    clusterType: clusterType as 'ManagedKubernetes',
    profile: profile as 'Edge',
    clusterSpec: spec,
    state: 'initial',
    version,
    created: new Date(ctx.now).toISOString(),
    vpcId: str('vpcid') ?? '',
    vswitchIds,
    securityGroupId: str('security_group_id') ?? '',
    size: 0,
    tags: [],
    deletionProtection: b.deletion_protection === true,
    listOmitsCapabilities: false,
  });
  const task = newTask(ctx.world, c, 'cluster_create', ctx.now, {
    name,
    region_id: regionId,
    encryption_provider_key: key ?? '',
  });
  // The cloud may ignore the key for Edge at create (no public test proves it honours it):
  // fault ignoreKeyAtCreate makes this simulator do so.
  const ignoreKey = key ? !!ctx.faults.takeIgnoreKeyAtCreate() : false;
  const duration = ctx.world.timing.createClusterSeconds * 1000;
  // GUESS: the stage names (DescribeTaskInfo current_stage is documented, its values are not).
  for (const [share, stage] of CREATE_STAGES) {
    ctx.world.at(ctx.now + duration * share, (at) => {
      if (task.state !== 'running') return;
      task.stage = stage;
      task.updated = at;
    });
  }
  ctx.world.at(ctx.now + duration, (at) => {
    c.state = 'running';
    c.updated = at;
    task.state = 'success';
    task.updated = at;
    task.stage = 'Finished';
    if (key && !ignoreKey) {
      const k = keyIdOnly(ctx.world, c.accountId, key)!;
      c.encryption = { keyId: k.id, disabled: false };
      c.intervals.push({ keyId: k.id, from: at });
    }
  });
  ctx.world.events.record(c.accountId, regionId, {
    ms: ctx.now,
    regionId,
    serviceName: 'CS',
    eventName: 'CreateCluster',
    eventRW: 'Write',
    apiVersion: '2015-12-15',
    userIdentity: userIdentityOf(ctx.caller, isoUtc(ctx.now)),
    resourceName: c.id,
    resourceType: 'ACS::CS::Cluster',
    requestParameters: {
      name,
      region_id: regionId,
      cluster_spec: spec,
      profile,
      encryption_provider_key: key ?? '',
    },
  });
  return { json: { cluster_id: id, request_id: ctx.requestId, task_id: task.id } };
}

/** Kubernetes versions offered for new ACK Edge clusters (GUESS: the list; newest first). */
export const EDGE_VERSIONS = [
  { version: '1.31.1-aliyun.1', creatable: true, release: '2024-11-18T00:00:00Z' },
  { version: '1.30.1-aliyun.1', creatable: true, release: '2024-07-22T00:00:00Z' },
  { version: '1.28.9-aliyun.1', creatable: false, release: '2024-01-10T00:00:00Z' },
];

const CREATE_STAGES: [number, string][] = [
  [0.05, 'CreateNetworkResources'],
  [0.2, 'CreateControlPlane'],
  [0.6, 'InitKMSEncryption'],
  [0.8, 'InstallAddons'],
];

function cidrRange(text: string): [number, number] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return null;
  const o = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (o.some((x) => x > 255) || prefix > 32) return null;
  const ip = ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0;
  const size = 2 ** (32 - prefix);
  const base = ip - (ip % size);
  return [base, base + size - 1];
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

/**
 * The network of a new cluster: the VPC and vSwitches exist, the CIDRs are readable and clear
 * of the VPC, its vSwitches and each other. Codes: EmptyCIDR, InvalidCIDR (seen in a public
 * CreateCluster error, docs/alibaba-cloud-api.md §4.8); InvalidVSwitchId.NotExist and
 * InvalidVpcId.NotFound are GUESSES (ECS/VPC codes, CS's own undocumented).
 */
function checkNetwork(
  ctx: Ctx,
  regionId: string,
  vpcId: string,
  vswitchIds: string[],
  podCidr: string | undefined,
  serviceCidr: string | undefined,
): void {
  const vpc = ctx.world.vpcs.get(vpcId);
  if (!vpc || vpc.accountId !== ctx.caller.accountId || vpc.regionId !== regionId)
    throw new ApiError(400, 'InvalidVpcId.NotFound', `vpc ${vpcId} not found in ${regionId}`);
  if (vswitchIds.length === 0) throw invalid('vswitch_ids is required with vpcid.');
  const vsws = vswitchIds.map((id) => {
    const v = ctx.world.vswitches.get(id);
    if (!v || v.accountId !== ctx.caller.accountId || v.vpcId !== vpcId)
      throw new ApiError(
        400,
        'InvalidVSwitchId.NotExist',
        `vSwitch ${id} not exists in vpc ${vpcId}`,
      );
    return v;
  });
  if (!podCidr || !serviceCidr)
    throw new ApiError(400, 'EmptyCIDR', 'pod or service cidr is empty');
  const pod = cidrRange(podCidr);
  if (!pod)
    throw new ApiError(400, 'InvalidCIDR', `Invalid pod CIDR: invalid CIDR address: ${podCidr}`);
  const svc = cidrRange(serviceCidr);
  if (!svc)
    throw new ApiError(
      400,
      'InvalidCIDR',
      `Invalid service CIDR: invalid CIDR address: ${serviceCidr}`,
    );
  if (overlaps(pod, svc))
    throw new ApiError(
      400,
      'InvalidCIDR',
      `pod CIDR ${podCidr} conflicts with service CIDR ${serviceCidr}`,
    );
  const taken: [string, string][] = [
    [`VPC ${vpc.id}`, vpc.cidr],
    ...vpc.secondaryCidrs.map((c): [string, string] => [`VPC ${vpc.id}`, c]),
    ...vsws.map((v): [string, string] => [`vSwitch ${v.id}`, v.cidr]),
  ];
  for (const [label, mine] of [
    ['pod', podCidr],
    ['service', serviceCidr],
  ] as const) {
    const r = cidrRange(mine)!;
    for (const [where, cidr] of taken) {
      const t = cidrRange(cidr);
      if (t && overlaps(r, t))
        throw new ApiError(
          400,
          'InvalidCIDR',
          `${label} CIDR ${mine} conflicts with ${where} CIDR ${cidr}`,
        ); // GUESS: the conflict's code
    }
  }
}

export function describeKubernetesVersionMetadata(ctx: Ctx) {
  const p = ctx.params;
  if (!p.Region || !p.ClusterType) throw invalid('Region and ClusterType are required.');
  const mode = p.Mode ?? 'creatable';
  const list = EDGE_VERSIONS.filter((v) => mode === 'supported' || v.creatable);
  return {
    json: list.map((v) => ({
      version: v.version,
      creatable: v.creatable,
      release_date: v.release,
      expiration_date: '',
      upgradable_versions: [],
      runtimes: [{ name: 'containerd', version: '1.6.28' }],
      images: [],
      capabilities: {},
      meta_data: {},
    })),
  };
}
