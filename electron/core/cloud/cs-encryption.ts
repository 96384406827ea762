// Container Service: the KMS encryption change of a cluster (UpdateKMSEncryption) and the
// cluster's tasks, which show how the change went.
import { csSdk } from './cs-sdk';
import { pageByNumber } from './paging';
import type { CloudSession } from './session';

export type EncryptionChange = { kind: 'enable'; keyId: string } | { kind: 'disable' };

/**
 * Turns Secret encryption on or off. The cloud answers 200 with no body and no task id; the
 * request id comes from the x-acs-request-id header. Never retried after a network error: the
 * change may have been accepted.
 */
export async function updateKmsEncryption(
  session: CloudSession,
  regionId: string,
  clusterId: string,
  change: EncryptionChange,
): Promise<{ requestId: string | null }> {
  const { $Cs, Cs } = await csSdk();
  const request =
    change.kind === 'enable'
      ? new $Cs.UpdateKMSEncryptionRequest({ disableEncryption: false, kmsKeyId: change.keyId })
      : new $Cs.UpdateKMSEncryptionRequest({ disableEncryption: true });
  const response = await session.call(
    'cs',
    'UpdateKMSEncryption',
    regionId,
    async (config) => new Cs(config).updateKMSEncryption(clusterId, request),
    { idempotent: false },
  );
  return { requestId: response.headers?.['x-acs-request-id'] ?? null };
}

export interface CsTask {
  taskId: string;
  taskType: string;
  state: string;
  created: string | null;
  updated: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

const TASK_PAGE_SIZE = 50;

/** Every task of a cluster (all pages: the order is not documented, so page 1 may not hold the newest). */
export async function describeClusterTasks(
  session: CloudSession,
  regionId: string,
  clusterId: string,
): Promise<CsTask[]> {
  const { $Cs, Cs } = await csSdk();
  const { items } = await pageByNumber(
    { product: 'cs', action: 'DescribeClusterTasks', regionId },
    TASK_PAGE_SIZE,
    async ({ pageNumber, pageSize }) => {
      const body = await session.call(
        'cs',
        'DescribeClusterTasks',
        regionId,
        async (config) =>
          (
            await new Cs(config).describeClusterTasks(
              clusterId,
              new $Cs.DescribeClusterTasksRequest({ pageNumber, pageSize }),
            )
          ).body,
        { idempotent: true },
      );
      return {
        items: body?.tasks ?? [],
        totalCount: body?.pageInfo?.totalCount,
        pageNumber: body?.pageInfo?.pageNumber,
        pageSize: body?.pageInfo?.pageSize,
      };
    },
    { idOf: (t) => t.taskId || null },
  );
  return items.map((t) => ({
    taskId: t.taskId ?? '',
    taskType: t.taskType ?? '',
    state: t.state ?? '',
    created: t.created ?? null,
    updated: t.updated ?? null,
    errorCode: t.error?.code ?? null,
    errorMessage: t.error?.message ?? null,
  }));
}
