// The KMS keys of an account in a region, each summarised by the key rules (eligible or not,
// with every reason) and with the clusters of the fleet that use it.
import type { KmsKeySummary } from '../../contract/types/keys';
import { describeKey, listAliases, listKeyIds } from '../cloud/kms';
import type { CloudSession } from '../cloud/session';
import { summariseKey } from './rules';

/** Every key of the region: eligible ones first, then by id. */
export async function listKeys(
  session: CloudSession,
  regionId: string,
  usedBy: ReadonlyMap<string, string[]>,
): Promise<KmsKeySummary[]> {
  const [ids, serviceIds, aliases] = await Promise.all([
    listKeyIds(session, regionId),
    listKeyIds(session, regionId, [{ Key: 'CreatorType', Values: ['Service'] }]),
    listAliases(session, regionId),
  ]);
  const serviceKeyIds = new Set(serviceIds);
  const keys = await Promise.all(ids.map((id) => describeKey(session, regionId, id)));
  return keys
    .map(({ key }) =>
      summariseKey(
        key,
        regionId,
        aliases.get(key.keyId) ?? [],
        usedBy.get(key.keyId) ?? [],
        serviceKeyIds,
      ),
    )
    .sort((a, b) => Number(b.eligible) - Number(a.eligible) || a.keyId.localeCompare(b.keyId));
}
