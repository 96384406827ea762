// Clusters across accounts and regions, with their Secret-encryption posture (UX.md state model).
import type { KeyHealth } from './keys';

/** Edition as the product cares about it; Secret encryption needs a Pro cluster. */
export type ClusterEdition = 'edge-pro' | 'edge-basic' | 'ack-pro' | 'ack-basic' | 'other';

/** encrypted / not encrypted / changing / error / unreadable metadata. */
export type EncryptionPosture =
  'encrypted' | 'not-encrypted' | 'enabling' | 'disabling' | 'error' | 'unknown';

export interface ClusterEncryption {
  posture: EncryptionPosture;
  /** From meta_data Capabilities: null when meta_data is empty or unreadable. */
  enabled: boolean | null;
  keyId: string | null;
}

/** The key an encrypted cluster uses, as the last refresh saw it. */
export interface ClusterKey {
  keyId: string;
  aliases: string[];
  health: KeyHealth;
  /** When a key pending deletion is deleted for good (absent in snapshots older than this field). */
  deleteDate?: string | null;
}

export interface ClusterSummary {
  clusterId: string;
  name: string;
  /** Our local account id and display name. */
  accountId: string;
  accountName: string;
  /** The Alibaba Cloud account (uid), when known. */
  cloudAccountId: string | null;
  regionId: string;
  clusterType: string;
  profile: string;
  clusterSpec: string;
  edition: ClusterEdition;
  state: string;
  kubernetesVersion: string;
  created: string | null;
  updated: string | null;
  vpcId: string | null;
  securityGroupId: string | null;
  vswitchIds: string[];
  encryption: ClusterEncryption;
  /** Present when the cluster is encrypted: its key's health ("key at risk" in the dashboard). */
  key: ClusterKey | null;
}

export interface FleetFailure {
  accountId: string;
  accountName: string;
  /** null when the whole account failed (credentials, region list). */
  regionId: string | null;
  code: string;
  kind: string;
  message: string;
  requestId: string | null;
}

/** When one account's region was last listed successfully: the age of its rows. */
export interface FleetListing {
  accountId: string;
  regionId: string;
  /** ISO 8601. Older than the snapshot's fetchedAt when the last refresh could not list it. */
  listedAt: string;
}

export interface FleetSnapshot {
  /** When the cloud was last asked (ISO 8601). */
  fetchedAt: string;
  /** True when this came from disk because the cloud could not be reached now. */
  stale: boolean;
  includeAckPro: boolean;
  clusters: ClusterSummary[];
  failures: FleetFailure[];
  /**
   * Every account/region the snapshot holds rows for, with when it was listed: a region that
   * failed this time keeps its older rows and its older time, so "now" is never claimed for them.
   */
  listings: FleetListing[];
}

export interface FleetProgress {
  accountId: string;
  regionId: string | null;
  status: 'running' | 'done' | 'failed';
  clusters: number;
  /** Regions finished / total for this refresh, across accounts. */
  done: number;
  total: number;
}

export interface FleetUpdated {
  fetchedAt: string;
  /** The accounts this refresh was about (absent: not said). */
  accountIds?: string[];
  clusters: number;
  failures: number;
}
