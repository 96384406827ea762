// Container Service: creating a cluster (CreateCluster), following its task (DescribeTaskInfo)
// and the Kubernetes versions a new cluster may have.
import { csSdk } from './cs-sdk';
import type { CloudSession } from './session';

/**
 * Creates a cluster from the snake_case body shown to the user (POST /clusters). The body is
 * turned into the SDK's model by the SDK's own field map, so exactly those fields are sent.
 * A write: never retried after a network error (the cluster may have been created), see
 * cloud/retry.ts; the caller journals the intent before and follows the cluster after.
 */
export async function createCluster(
  session: CloudSession,
  regionId: string,
  body: Record<string, unknown>,
): Promise<{ clusterId: string; taskId: string | null; requestId: string | null }> {
  const { $Cs, Cs } = await csSdk();
  const names = $Cs.CreateClusterRequest.names() as Record<string, string>;
  const fieldOf = new Map(Object.entries(names).map(([camel, snake]) => [snake, camel]));
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const camel = fieldOf.get(key);
    if (!camel) throw new Error(`CreateCluster has no field ${key} in this SDK.`);
    fields[camel] =
      key === 'addons' && Array.isArray(value)
        ? value.map((a) => new $Cs.Addon(a as Record<string, unknown>))
        : value;
  }
  const response = await session.call(
    'cs',
    'CreateCluster',
    regionId,
    async (config) => new Cs(config).createCluster(new $Cs.CreateClusterRequest(fields)),
    { idempotent: false },
  );
  const answer = response.body;
  return {
    clusterId: answer?.clusterId ?? '',
    taskId: answer?.taskId || null,
    requestId: answer?.requestId ?? response.headers?.['x-acs-request-id'] ?? null,
  };
}

export interface CsTaskInfo {
  taskId: string;
  clusterId: string | null;
  state: string;
  currentStage: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

/** One task by id (CreateCluster gives one): its state and current stage. */
export async function describeTaskInfo(
  session: CloudSession,
  regionId: string,
  taskId: string,
): Promise<CsTaskInfo> {
  const { Cs } = await csSdk();
  const response = await session.call(
    'cs',
    'DescribeTaskInfo',
    regionId,
    async (config) => new Cs(config).describeTaskInfo(taskId),
    { idempotent: true },
  );
  const b = response.body;
  return {
    taskId: b?.taskId ?? taskId,
    clusterId: b?.clusterId || null,
    state: b?.state ?? 'unknown',
    currentStage: b?.currentStage || null,
    errorCode: b?.error?.code || null,
    errorMessage: b?.error?.message || null,
  };
}

export interface KubernetesVersion {
  version: string;
  creatable: boolean;
  releaseDate: string | null;
  expirationDate: string | null;
}

/** The Kubernetes versions offered for new ManagedKubernetes clusters of a profile in a region. */
export async function describeKubernetesVersions(
  session: CloudSession,
  regionId: string,
  profile: 'Edge' | 'Default' = 'Edge',
): Promise<KubernetesVersion[]> {
  const { $Cs, Cs } = await csSdk();
  const response = await session.call(
    'cs',
    'DescribeKubernetesVersionMetadata',
    regionId,
    async (config) =>
      new Cs(config).describeKubernetesVersionMetadata(
        new $Cs.DescribeKubernetesVersionMetadataRequest({
          region: regionId,
          clusterType: 'ManagedKubernetes',
          profile,
          mode: 'creatable',
        }),
      ),
    { idempotent: true },
  );
  const list = Array.isArray(response.body) ? response.body : [];
  return list
    .filter((v) => typeof v.version === 'string' && v.version !== '')
    .map((v) => ({
      version: v.version!,
      creatable: v.creatable !== false,
      releaseDate: v.releaseDate || null,
      expirationDate: v.expirationDate || null,
    }));
}
