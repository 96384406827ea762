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

/** The documented Edge regions live in the contract; the name stays here for the fleet's imports. */
export { DOCUMENTED_EDGE_REGIONS } from '../../contract/regions';
