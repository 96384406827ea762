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

/** The documented Edge regions live in the contract; the name stays here for the fleet's imports. */
export { DOCUMENTED_EDGE_REGIONS } from '../../contract/regions';

/** The CS profiles a refresh lists: Edge (Edge Pro), and Default (ACK Pro) only on request. */
export function fleetProfiles(includeAckPro: boolean): ('Edge' | 'Default')[] {
  return includeAckPro ? ['Edge', 'Default'] : ['Edge'];
}
