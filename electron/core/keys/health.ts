// The key health sweep: for every key the fleet's encrypted clusters use, one DescribeKey (and one
// GetKmsInstance per KMS instance), each thing that strands or endangers those clusters as a
// finding with its severity, the clusters affected, a fix, and for critical ones who did it.
import { messageOf } from '../../contract/message-of';
import type {
  KeyDependent,
  KeyFinding,
  KeyFindingKind,
  KeyFindingSeverity,
  KeyFixAction,
} from '../../contract/types/key-guard';
import { CONSOLE } from '../cloud/console';
import { CloudError } from '../cloud/errors';
import { describeKey, getKmsInstance } from '../cloud/kms';
import type { KmsInstance, KmsKeyMetadata } from '../cloud/kms';
import type { CloudSession } from '../cloud/session';
import { Limiter } from '../util/limiter';
import type { KeyGroup } from './blast-radius';
import type { WhoDidItCache } from './who-did-it';

/** Keys read at once in a sweep (each account's own limits apply on top). */
export const SWEEP_CONCURRENCY = 4;
/** A KMS instance expiring within this many days is a warning. */
export const INSTANCE_EXPIRY_WARNING_DAYS = 30;

export const SEVERITY: Record<KeyFindingKind, KeyFindingSeverity> = {
  'key-pending-deletion': 'critical',
  'key-disabled': 'critical',
  'key-pending-import': 'critical',
  'key-not-found': 'critical',
  'kms-instance-expired': 'critical',
  'key-unreadable': 'warning',
  'deletion-protection-off': 'warning',
  'rotation-on': 'warning',
  'kms-instance-expiring': 'warning',
};

export interface SweepDeps {
  /** The session of one of our saved accounts. */
  sessionFor(accountId: string): Promise<CloudSession>;
  now(): number;
  whoDidIt: WhoDidItCache;
  /** When a finding was first seen (an earlier sweep's), else undefined. */
  firstSeen(findingId: string): string | undefined;
}

export interface GroupResult {
  groupId: string;
  findings: KeyFinding[];
  /** The key was read (so a finding it no longer has is resolved, not merely unseen). */
  read: boolean;
  problems: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function clusterList(clusters: KeyDependent[]): string {
  const names = clusters.slice(0, 3).map((c) => c.name);
  const more = clusters.length > 3 ? ` and ${clusters.length - 3} more` : '';
  return `${plural(clusters.length, 'cluster')} (${names.join(', ')}${more})`;
}

/** The account to read the key with: one whose Alibaba Cloud account owns it, else the first. */
export function readerOf(group: KeyGroup): KeyDependent {
  return (
    group.clusters.find(
      (c) => group.ownerCloudAccountId !== null && c.cloudAccountId === group.ownerCloudAccountId,
    ) ?? group.clusters[0]!
  );
}

interface Draft {
  kind: KeyFindingKind;
  /** Part of the id: what makes this occurrence distinct (a deletion date, an expiry). */
  instance?: string;
  summary: string;
  action: KeyFixAction | null;
  hint: string;
}

/** Every finding the key's metadata shows (no calls). */
export function findingsOf(key: KmsKeyMetadata, name: string, clusters: KeyDependent[]): Draft[] {
  const who = clusterList(clusters);
  const drafts: Draft[] = [];
  switch (key.keyState) {
    case 'Enabled':
      break;
    case 'PendingDeletion':
      drafts.push({
        kind: 'key-pending-deletion',
        instance: key.deleteDate ?? 'unknown-date',
        summary: `Key ${name} is pending deletion: KMS deletes it for good ${key.deleteDate ? `on ${key.deleteDate}` : 'at the end of its waiting period'}, and ${who} can then never read their Secrets again. It cannot encrypt or decrypt even now.`,
        action: 'cancel-key-deletion',
        hint: 'Cancel the key deletion now (CancelKeyDeletion): the key returns to Enabled and the clusters work again.',
      });
      break;
    case 'Disabled':
      drafts.push({
        kind: 'key-disabled',
        summary: `Key ${name} is Disabled: ${who} cannot decrypt their Secrets (the API server cannot read Secrets or ServiceAccounts).`,
        action: 'enable-key',
        hint: 'Enable the key (EnableKey).',
      });
      break;
    case 'PendingImport':
      drafts.push({
        kind: 'key-pending-import',
        summary: `Key ${name} is PendingImport: its key material is missing or expired, and ${who} cannot decrypt their Secrets.`,
        action: null,
        hint: 'Import the key material again in the KMS console (the same material it had: other material cannot decrypt what was encrypted before).',
      });
      break;
    default:
      drafts.push({
        kind: 'key-unreadable',
        summary: `Key ${name} reports the state "${key.keyState}", which the guard does not know; ${who} depend on it.`,
        action: null,
        hint: 'Look at the key in the KMS console.',
      });
  }
  if (key.deletionProtection === 'Disabled' && key.keyState !== 'PendingDeletion')
    drafts.push({
      kind: 'deletion-protection-off',
      summary: `Deletion protection of key ${name} is off: anyone allowed to can schedule its deletion, which would strand ${who}.`,
      action: 'enable-deletion-protection',
      hint: 'Turn deletion protection on (SetDeletionProtection).',
    });
  if (key.automaticRotation === 'Enabled')
    drafts.push({
      kind: 'rotation-on',
      summary: `Automatic rotation of key ${name} is on; the ACK Edge document requires it off for Secret encryption.`,
      action: null,
      hint: 'Turn automatic rotation off in the KMS console (UpdateRotationPolicy with EnableAutomaticRotation=false). That is safe: KMS keeps every key version, so Secrets written under earlier versions still decrypt; rotating does not re-encrypt them either.',
    });
  return drafts;
}

/** The KMS instance's expiry as a finding, if it is expiring or expired. */
export function instanceFinding(
  instance: KmsInstance,
  name: string,
  clusters: KeyDependent[],
  now: number,
): Draft | null {
  if (!instance.endDate || instance.chargeType === 'POSTPAY') return null;
  const end = Date.parse(instance.endDate);
  if (Number.isNaN(end)) return null;
  const hint = `Renew the KMS instance ${instance.instanceId} in the KMS console: keys in an instance that has expired cannot be used.`;
  if (end <= now)
    return {
      kind: 'kms-instance-expired',
      instance: instance.endDate,
      summary: `The KMS instance ${instance.instanceId} of key ${name} expired on ${instance.endDate}; ${clusterList(clusters)} depend on the key.`,
      action: null,
      hint,
    };
  if (end - now <= INSTANCE_EXPIRY_WARNING_DAYS * 86_400_000)
    return {
      kind: 'kms-instance-expiring',
      instance: instance.endDate,
      summary: `The KMS instance ${instance.instanceId} of key ${name} expires on ${instance.endDate}; ${clusterList(clusters)} depend on the key.`,
      action: null,
      hint,
    };
  return null;
}

/** Critical first, then the nearest deletion date, then by key and kind. */
export function byUrgency(a: KeyFinding, b: KeyFinding): number {
  const sev = (f: KeyFinding) => (f.severity === 'critical' ? 0 : 1);
  const date = (f: KeyFinding) => (f.deleteDate ? Date.parse(f.deleteDate) : Infinity);
  return (
    sev(a) - sev(b) ||
    date(a) - date(b) ||
    a.keyId.localeCompare(b.keyId) ||
    a.kind.localeCompare(b.kind)
  );
}

/** Looks at one key in use; never rejects (what went wrong is a finding or a problem). */
export async function sweepGroup(
  group: KeyGroup,
  deps: SweepDeps,
  instances: Map<string, Promise<KmsInstance>>,
): Promise<GroupResult> {
  const reader = readerOf(group);
  const problems: string[] = [];
  const name = group.aliases.length > 0 ? `${group.aliases[0]} (${group.keyId})` : group.keyId;
  const finding = (draft: Draft, key: KmsKeyMetadata | null): KeyFinding => {
    const id = [draft.kind, group.id, draft.instance ?? ''].join('|');
    return {
      id,
      kind: draft.kind,
      severity: SEVERITY[draft.kind],
      keyId: group.keyId,
      regionId: group.regionId,
      aliases: group.aliases,
      accountId: reader.accountId,
      accountName: reader.accountName,
      ownerCloudAccountId: group.ownerCloudAccountId,
      keyState: key?.keyState ?? null,
      deleteDate: key?.keyState === 'PendingDeletion' ? key.deleteDate : null,
      kmsInstanceId: key?.dkmsInstanceId ?? null,
      kmsInstanceEndDate: null,
      clusters: group.clusters,
      crossAccount: group.crossAccount,
      summary: group.crossAccount
        ? `${draft.summary} The clusters are in ${group.cloudAccounts.length} Alibaba Cloud accounts.`
        : draft.summary,
      fix: { action: draft.action, hint: draft.hint, consoleUrl: CONSOLE.kmsKeys(group.regionId) },
      whoDidIt: null,
      firstSeenAt: deps.firstSeen(id) ?? new Date(deps.now()).toISOString(),
    };
  };

  let session: CloudSession;
  let key: KmsKeyMetadata;
  try {
    session = await deps.sessionFor(reader.accountId);
    // Another account's key is read by its ARN (DescribeKey, docs/alibaba-cloud-api.md §5.1).
    const ref = group.ref.startsWith('acs:') ? group.ref : group.keyId;
    key = (await describeKey(session, group.regionId, ref)).key;
  } catch (error) {
    const notFound = error instanceof CloudError && error.kind === 'notFound';
    const message = messageOf(error);
    const draft: Draft = notFound
      ? {
          kind: 'key-not-found',
          summary: `Key ${name} was not found in ${group.regionId} (account ${reader.accountName}), and ${clusterList(group.clusters)} depend on it.`,
          action: null,
          hint: "If the key was deleted, the clusters' Secrets cannot be decrypted any more: contact Alibaba Cloud support at once. If the key belongs to another Alibaba Cloud account, add that account so the guard can read it.",
        }
      : {
          kind: 'key-unreadable',
          summary: `Key ${name} could not be read with account ${reader.accountName}: ${message}`,
          action: null,
          hint: 'Give the account kms:DescribeKey on the key (e.g. AliyunKMSReadOnlyAccess) so the guard can watch it.',
        };
    return { groupId: group.id, findings: [finding(draft, null)], read: false, problems };
  }

  const findings = findingsOf(key, name, group.clusters).map((d) => finding(d, key));
  if (key.dkmsInstanceId) {
    const cacheKey = `${reader.accountId}|${group.regionId}|${key.dkmsInstanceId}`;
    let pending = instances.get(cacheKey);
    if (!pending) {
      pending = getKmsInstance(session, group.regionId, key.dkmsInstanceId);
      instances.set(cacheKey, pending);
    }
    try {
      const instance = await pending;
      const draft = instanceFinding(instance, name, group.clusters, deps.now());
      if (draft) findings.push({ ...finding(draft, key), kmsInstanceEndDate: instance.endDate });
    } catch (error) {
      problems.push(
        `The KMS instance ${key.dkmsInstanceId} of key ${name} could not be read: ${messageOf(error)}`,
      );
    }
  }
  for (const f of findings) {
    if (f.severity !== 'critical') continue;
    f.whoDidIt = await deps.whoDidIt.lookup(f.id, Date.parse(f.firstSeenAt), {
      session,
      regionId: group.regionId,
      keyId: group.keyId,
      kind: f.kind,
    });
  }
  return { groupId: group.id, findings, read: true, problems };
}

/** Every group, a few at a time. */
export async function sweep(groups: KeyGroup[], deps: SweepDeps): Promise<GroupResult[]> {
  const limiter = new Limiter(SWEEP_CONCURRENCY);
  const instances = new Map<string, Promise<KmsInstance>>();
  return Promise.all(groups.map((g) => limiter.run(() => sweepGroup(g, deps, instances))));
}
