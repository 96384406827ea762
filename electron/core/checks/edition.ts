// Which clusters can have their Secrets encrypted: the edition rule of the checklist
// (cluster.edition), also used by the fleet to choose the clusters it lists.
import type { ClusterEdition } from '../../contract/types/fleet';

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
