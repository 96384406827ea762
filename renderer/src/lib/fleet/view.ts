// Pure functions over the fleet snapshot: filter, sort, posture counts and export. Kept free of
// Svelte so they are cheap to test and fast at 6,500 rows (a filter keystroke must reach the next
// frame in < 16 ms, README Benchmarks): each row's search text is lower-cased once, filters are
// plain loops.
import type { ClusterSummary, EncryptionPosture, KeyFinding, KeyHealth } from '$contract';
import { reaches, regionName } from '$contract';
import { isFailedState } from '../cluster-state';

/** A cluster as the table shows it: the summary plus what the renderer derives once. */
export interface FleetRow {
  cluster: ClusterSummary;
  /** Lower-case haystack for the text search: name, id, account, region, key. */
  search: string;
  /** The key's health as the snapshot saw it (ClusterSummary.key); null when not encrypted. */
  keyHealth: KeyHealth | null;
  /** The key's first alias, from the snapshot. */
  keyAlias: string | null;
  attention: boolean;
  /**
   * The row's place when every row is ordered by name (toRows): sorting compares these numbers
   * instead of asking the collator again, which on every filter keystroke re-sorted thousands of
   * rows through Intl.Collator. -1 until toRows numbers the rows (then names are compared).
   */
  nameOrder: number;
}

export type EncryptionFilter = 'all' | 'encrypted' | 'not-encrypted' | 'changing' | 'problem';
export type SortKey =
  'attention' | 'name' | 'account' | 'region' | 'state' | 'encryption' | 'version';

export interface FleetFilters {
  accountId: string | 'all';
  regionId: string | 'all';
  encryption: EncryptionFilter;
  state: string | 'all';
  attentionOnly: boolean;
  text: string;
}

export const DEFAULT_FILTERS: FleetFilters = {
  accountId: 'all',
  regionId: 'all',
  encryption: 'all',
  state: 'all',
  attentionOnly: false,
  text: '',
};

export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

/** Key health that puts the encrypted Secrets at risk (the cluster cannot decrypt, or soon). */
export function keyAtRisk(health: KeyHealth | null): boolean {
  return health === 'disabled' || health === 'pending-deletion' || health === 'not-found';
}

export function isChanging(c: ClusterSummary): boolean {
  return c.encryption.posture === 'enabling' || c.encryption.posture === 'disabling';
}

/** What deserves a look first: failures, unreadable posture, keys at risk, stuck states. */
export function needsAttention(c: ClusterSummary, health: KeyHealth | null): boolean {
  return (
    isFailedState(c.state) ||
    c.encryption.posture === 'error' ||
    c.encryption.posture === 'unknown' ||
    (c.encryption.posture === 'encrypted' && keyAtRisk(health))
  );
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** By name: the numbers toRows gave, else (rows not numbered together) the collator. */
function byName(a: FleetRow, b: FleetRow): number {
  return a.nameOrder >= 0 && b.nameOrder >= 0
    ? a.nameOrder - b.nameOrder
    : collator.compare(a.cluster.name, b.cluster.name);
}

export function toRow(cluster: ClusterSummary): FleetRow {
  // The snapshot carries the key of every encrypted cluster with its health (types/fleet.ts).
  const key = cluster.key;
  const health = key?.health ?? null;
  const alias = key?.aliases[0] ?? null;
  return {
    cluster,
    search: [
      cluster.name,
      cluster.clusterId,
      cluster.accountName,
      ...(cluster.reachableVia?.map((r) => r.accountName) ?? []),
      cluster.cloudAccountId ?? '',
      cluster.regionId,
      // Either language's region name finds the row (杭州, Hangzhou), whatever the UI language.
      regionName(cluster.regionId, 'en') ?? '',
      regionName(cluster.regionId, 'zh-CN') ?? '',
      cluster.encryption.keyId ?? '',
      ...(key?.aliases ?? []),
    ]
      .join(' ')
      .toLowerCase(),
    keyHealth: health,
    keyAlias: alias,
    attention: needsAttention(cluster, health),
    nameOrder: -1,
  };
}

/** The snapshot's rows, numbered by name once (see FleetRow.nameOrder). */
export function toRows(clusters: readonly ClusterSummary[]): FleetRow[] {
  const rows = clusters.map(toRow);
  const byName = [...rows].sort((a, b) => collator.compare(a.cluster.name, b.cluster.name));
  byName.forEach((row, i) => (row.nameOrder = i));
  return rows;
}

function matchesEncryption(c: ClusterSummary, f: EncryptionFilter): boolean {
  switch (f) {
    case 'all':
      return true;
    case 'encrypted':
      return c.encryption.posture === 'encrypted';
    case 'not-encrypted':
      return c.encryption.posture === 'not-encrypted';
    case 'changing':
      return isChanging(c) || c.state === 'updating';
    case 'problem':
      return c.encryption.posture === 'error' || c.encryption.posture === 'unknown';
  }
}

export function filterRows(rows: readonly FleetRow[], f: FleetFilters): FleetRow[] {
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const out: FleetRow[] = [];
  for (const row of rows) {
    const c = row.cluster;
    // A cluster several saved accounts list matches any of them.
    if (f.accountId !== 'all' && !reaches(c, f.accountId)) continue;
    if (f.regionId !== 'all' && c.regionId !== f.regionId) continue;
    if (f.state !== 'all' && c.state !== f.state) continue;
    if (f.attentionOnly && !row.attention) continue;
    if (!matchesEncryption(c, f.encryption)) continue;
    let all = true;
    for (const w of words) {
      if (!row.search.includes(w)) {
        all = false;
        break;
      }
    }
    if (all) out.push(row);
  }
  return out;
}

/** Problems first (UX principle 1): attention, then not encrypted, then changing, then the rest. */
function rank(row: FleetRow): number {
  if (row.attention) return 0;
  const p: EncryptionPosture = row.cluster.encryption.posture;
  if (p === 'not-encrypted') return 1;
  if (p === 'enabling' || p === 'disabling' || row.cluster.state === 'updating') return 2;
  return 3;
}

export function sortRows(rows: FleetRow[], order: SortOrder): FleetRow[] {
  const by: Record<SortKey, (a: FleetRow, b: FleetRow) => number> = {
    attention: (a, b) => rank(a) - rank(b),
    name: () => 0,
    account: (a, b) => collator.compare(a.cluster.accountName, b.cluster.accountName),
    region: (a, b) => collator.compare(a.cluster.regionId, b.cluster.regionId),
    state: (a, b) => collator.compare(a.cluster.state, b.cluster.state),
    encryption: (a, b) =>
      collator.compare(a.cluster.encryption.posture, b.cluster.encryption.posture),
    version: (a, b) => collator.compare(a.cluster.kubernetesVersion, b.cluster.kubernetesVersion),
  };
  const primary = by[order.key];
  const sign = order.descending ? -1 : 1;
  // The name breaks ties, so the order is stable and predictable.
  return rows.sort((a, b) => sign * primary(a, b) || byName(a, b));
}

export interface PostureCounts {
  total: number;
  encrypted: number;
  notEncrypted: number;
  changing: number;
  keyAtRisk: number;
  problem: number;
}

export function countPostures(rows: readonly FleetRow[]): PostureCounts {
  const counts: PostureCounts = {
    total: rows.length,
    encrypted: 0,
    notEncrypted: 0,
    changing: 0,
    keyAtRisk: 0,
    problem: 0,
  };
  for (const { cluster: c, keyHealth } of rows) {
    const p = c.encryption.posture;
    if (isChanging(c) || c.state === 'updating') counts.changing += 1;
    else if (p === 'encrypted') counts.encrypted += 1;
    else if (p === 'not-encrypted') counts.notEncrypted += 1;
    else counts.problem += 1;
    if (p === 'encrypted' && keyAtRisk(keyHealth)) counts.keyAtRisk += 1;
  }
  return counts;
}

// ---- export ---------------------------------------------------------------------------------

const EXPORT_COLUMNS = [
  'clusterId',
  'name',
  'accountName',
  'cloudAccountId',
  'regionId',
  'edition',
  'kubernetesVersion',
  'state',
  'encryption',
  'keyId',
  'keyAlias',
  'keyHealth',
  'updated',
] as const;

function exportRecord(row: FleetRow): Record<(typeof EXPORT_COLUMNS)[number], string> {
  const c = row.cluster;
  return {
    clusterId: c.clusterId,
    name: c.name,
    accountName: c.accountName,
    cloudAccountId: c.cloudAccountId ?? '',
    regionId: c.regionId,
    edition: c.edition,
    kubernetesVersion: c.kubernetesVersion,
    state: c.state,
    encryption: c.encryption.posture,
    keyId: c.encryption.keyId ?? '',
    keyAlias: row.keyAlias ?? '',
    keyHealth: row.keyHealth ?? '',
    updated: c.updated ?? '',
  };
}

/** RFC 4180 quoting; a leading =,+,-,@ is prefixed with ' so spreadsheets do not run it. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly FleetRow[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of rows) {
    const record = exportRecord(row);
    lines.push(EXPORT_COLUMNS.map((k) => csvCell(record[k])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** The posture export: the clusters shown and the key guard's findings (what strands them). */
export function toJson(
  rows: readonly FleetRow[],
  fetchedAt: string | null,
  keyFindings: readonly KeyFinding[] = [],
): string {
  return JSON.stringify(
    {
      fetchedAt,
      exportedAt: new Date().toISOString(),
      clusters: rows.map(exportRecord),
      keyFindings: keyFindings.map((f) => ({
        kind: f.kind,
        severity: f.severity,
        keyId: f.keyId,
        regionId: f.regionId,
        account: f.accountName,
        deleteDate: f.deleteDate,
        clusters: f.clusters.map((c) => c.clusterId),
        whoDidIt: f.whoDidIt?.actor
          ? { userName: f.whoDidIt.actor.userName, eventTime: f.whoDidIt.actor.eventTime }
          : null,
        summary: f.summary,
        fix: f.fix.hint,
      })),
    },
    null,
    2,
  );
}
