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

/** A saved account through which a cluster can be read and changed. */
export interface ReachableVia {
  accountId: string;
  accountName: string;
}

export interface ClusterSummary {
  clusterId: string;
  name: string;
  /**
   * Our local account id and display name: the saved account the app acts through (when several
   * reach the cluster, the one core/fleet/merge.ts chose).
   */
  accountId: string;
  accountName: string;
  /**
   * Every saved account that lists this cluster (same Alibaba Cloud uid), the acting one first.
   * Absent (rows built elsewhere, older snapshots): only `accountId`.
   */
  reachableVia?: ReachableVia[];
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

/**
 * One page of the snapshot for the window (fleet.snapshotPage): structured-cloning 32,500
 * clusters in one message blocks both processes for ~200 ms, so the window asks for the first
 * screen first and the rest after. Every page of one `generation` is cut from the same snapshot.
 */
export interface FleetSnapshotPage {
  /** null: there is no snapshot yet (as fleet.snapshot answers null). */
  generation: number | null;
  /**
   * True when the generation asked for is no longer held (a refresh replaced it twice while
   * the window was paging): start again from offset 0 without a generation.
   */
  gone: boolean;
  /** The snapshot without its clusters: in the page at offset 0 only. */
  head: Omit<FleetSnapshot, 'clusters'> | null;
  offset: number;
  /** Clusters in the whole snapshot. */
  total: number;
  clusters: ClusterSummary[];
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

/**
 * What a refresh answers (fleet.refresh): which snapshot it made and its counts, not the
 * snapshot itself. The window reads that snapshot in pages (fleet.snapshotPage with this
 * generation), the CLI with fleet.snapshot: a reply carrying 5,460 clusters was cloned once for
 * the reply and once more for the pages the fleet.updated event makes the window read.
 */
export interface FleetRefreshed {
  /** The snapshot's generation for fleet.snapshotPage. */
  generation: number;
  fetchedAt: string;
  clusters: number;
  failures: number;
}
