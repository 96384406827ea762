// Pure rules that turn raw CS fields into what the fleet shows (the edition rule is the
// checklist's: checks/edition.ts).
import type { ClusterEncryption } from '../../contract/types/fleet';
import { parseEncryption } from '../cloud/cs';

export function encryptionOf(metaData: string | null): ClusterEncryption {
  const parsed = parseEncryption(metaData);
  if (!parsed.readable) return { posture: 'unknown', enabled: null, keyId: null };
  return {
    posture: parsed.enabled ? 'encrypted' : 'not-encrypted',
    enabled: parsed.enabled,
    keyId: parsed.keyId,
  };
}

/**
 * Regions where ACK Edge Pro is documented (docs/alibaba-cloud-api.md §3), used when
 * DescribeRegions cannot be called. The live list from the cloud always wins.
 */
export const DOCUMENTED_EDGE_REGIONS = [
  'cn-qingdao',
  'cn-beijing',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-wulanchabu',
  'cn-hangzhou',
  'cn-shanghai',
  'cn-shenzhen',
  'cn-heyuan',
  'cn-guangzhou',
  'cn-chengdu',
  'cn-zhongwei',
  'cn-wuhan-lr',
] as const;
