// Pure rules that turn raw CS fields into what the product shows.
import type { ClusterEdition, ClusterEncryption } from '../../contract/types/fleet';
import { parseEncryption } from '../cloud/cs';

export function editionOf(
  clusterType: string,
  profile: string,
  clusterSpec: string,
): ClusterEdition {
  if (clusterType !== 'ManagedKubernetes') return 'other';
  const pro = clusterSpec.startsWith('ack.pro.');
  if (profile === 'Edge') return pro ? 'edge-pro' : 'edge-basic';
  if (profile === 'Default' || profile === '') return pro ? 'ack-pro' : 'ack-basic';
  return 'other';
}

/** Secret encryption needs a Pro cluster (Edge Pro, or ACK Pro). */
export function supportsSecretEncryption(edition: ClusterEdition): boolean {
  return edition === 'edge-pro' || edition === 'ack-pro';
}

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
