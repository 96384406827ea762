// `--dry-run` of an encryption change: the request the change would send, built from the
// checklist the core ran (the key id an alias names, the cluster's region), and sent nowhere.
// The wire shape is CS UpdateKMSEncryption (docs/alibaba-cloud-api.md §4.3).
import type { Checklist } from '../contract';

export interface EncryptionRequest {
  product: 'cs';
  action: 'UpdateKMSEncryption';
  method: 'PUT';
  path: string;
  regionId: string;
  body: { disable_encryption: boolean; kms_key_id?: string };
}

/** From a checklist, or a batch item (the same four facts). */
export function encryptionRequest(
  list: Pick<Checklist, 'clusterId' | 'regionId' | 'action' | 'keyId'>,
): EncryptionRequest {
  return {
    product: 'cs',
    action: 'UpdateKMSEncryption',
    method: 'PUT',
    path: `/clusters/${list.clusterId}/kms`,
    regionId: list.regionId,
    body:
      list.action === 'enable'
        ? { disable_encryption: false, kms_key_id: list.keyId ?? '' }
        : { disable_encryption: true },
  };
}

/** "CS UpdateKMSEncryption  PUT /clusters/c…/kms  (cn-hangzhou)" and the body, indented. */
export function requestText(request: EncryptionRequest): string {
  return `  CS ${request.action}  ${request.method} ${request.path}  (${request.regionId})\n  ${JSON.stringify(request.body)}`;
}
