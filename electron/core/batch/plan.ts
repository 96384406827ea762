// Planning a batch: which clusters of the fleet the request covers, each one's checklist (the
// answers that do not depend on the cluster shared per account through one BatchCache), and
// for each a verdict — ready, or skipped with the reasons in words. The rules are pure
// functions; planBatch only fetches.
import type {
  BatchChecklistSummary,
  BatchItem,
  BatchKeyAssignment,
  BatchKeyGroup,
  BatchScope,
  BatchView,
} from '../../contract/types/batch';
import type { KmsKeySummary } from '../../contract/types/keys';
import type { CheckResult, Checklist } from '../../contract/types/checks';
import type { ClusterSummary, FleetFailure } from '../../contract/types/fleet';
import type { OperationAction } from '../../contract/types/operations';
import { refersToKey } from '../../contract/key-ref';
import { readiness } from '../checks/api';
import type { ChecksService } from '../checks/api';
import { BatchCache } from '../checks/context';
import { CloudError } from '../cloud/errors';
import type { KmsKeyMetadata } from '../cloud/kms';
import { keyRegion } from '../keys/rules';
import { Limiter } from '../util/limiter';
import { countItems, initialState } from './item-state';
import { groupClusters, groupId, groupView, keyForGroup } from './groups';
import type { GroupKey } from './groups';
import { message, messageOf, reaches } from '../../contract';
import { checkReason, led, split, unconfirmedReason, worded } from './words';
import type { Worded } from './words';

export interface PlanRequest {
  action: OperationAction;
  keyId?: string | undefined;
  keys?: BatchKeyAssignment[] | undefined;
  keyChoice?: 'recommended' | undefined;
  scope: BatchScope;
}

/** Checks whose failure passes by itself: the item stays ready and waits (see the runner). */
const WAITABLE = new Set<string>(['cluster.cooldown']);

export function inScope(cluster: ClusterSummary, scope: BatchScope): boolean {
  return (
    // A cluster several saved accounts list is in an account's scope through any of them.
    (!scope.accountIds || scope.accountIds.some((id) => reaches(cluster, id))) &&
    (!scope.regionIds || scope.regionIds.includes(cluster.regionId)) &&
    (!scope.clusterIds || scope.clusterIds.includes(cluster.clusterId))
  );
}

/**
 * A verdict from the fleet snapshot alone, before any checklist: a rule of the plan, or a change
 * that would do nothing. null = run the checklist.
 */
export function ruleOut(
  cluster: ClusterSummary,
  request: PlanRequest,
  /** Enable: the key of the cluster's group (default: the plan's keyId). */
  keyRef: string | null | undefined = request.keyId,
): Worded | null {
  const { enabled, keyId } = cluster.encryption;
  if (request.action === 'enable') {
    // The plan may name the key by id, alias or ARN; the snapshot knows the key's aliases.
    const same =
      keyId !== null &&
      typeof keyRef === 'string' &&
      refersToKey(keyRef, { keyId, aliases: cluster.key?.aliases ?? [] });
    if (enabled === true && same) return worded(message('batch.reason.sameKey'));
    if (enabled === true && request.scope.onlyNotEncrypted)
      return worded(
        keyId
          ? message('batch.reason.onlyNotEncrypted', { keyId })
          : message('batch.reason.onlyNotEncryptedOther'),
      );
    return null;
  }
  if (enabled === false) return worded(message('batch.reason.notEncrypted'));
  return null;
}

export function summarise(checklist: Checklist): BatchChecklistSummary {
  const count = (status: CheckResult['status']) =>
    checklist.checks.filter((c) => c.status === status).length;
  return {
    checkedAt: checklist.checkedAt,
    ready: checklist.ready,
    pass: count('pass'),
    warn: count('warn'),
    fail: count('fail'),
    unknown: count('unknown'),
    manual: count('manual'),
    failing: checklist.checks.filter((c) => c.status === 'fail').map((c) => c.id),
    warnings: checklist.checks
      .filter((c) => c.status === 'warn' || c.status === 'unknown')
      .map((c) => `${c.id}: ${c.summary}`),
  };
}

/** The failing checks that block (everything but a cooldown, which only delays). */
export function blockingFailures(checklist: Checklist): CheckResult[] {
  return checklist.checks.filter((c) => c.status === 'fail' && !WAITABLE.has(c.id));
}

function baseItem(
  cluster: ClusterSummary,
): Omit<BatchItem, 'status' | 'reasons' | 'reasonMessages' | 'state'> {
  return {
    clusterId: cluster.clusterId,
    clusterName: cluster.name,
    accountId: cluster.accountId,
    accountName: cluster.accountName,
    regionId: cluster.regionId,
    notes: [],
    checklist: null,
    operationId: null,
    attempts: 0,
    attemptedAt: null,
    waitingUntil: null,
    endedAt: null,
    outcome: null,
    error: null,
  };
}

export function skippedItem(cluster: ClusterSummary, reasons: readonly Worded[]): BatchItem {
  const { texts, words } = split(reasons);
  return {
    ...baseItem(cluster),
    status: 'skipped',
    reasons: texts,
    reasonMessages: words,
    noteMessages: [],
    state: initialState('skipped'),
  };
}

/**
 * The verdict from a checklist. `keyRegions` maps, per account, the regions where the plan saw
 * the key exist: a key that is missing here but exists there is "in another region".
 */
export function itemFromChecklist(
  cluster: ClusterSummary,
  checklist: Checklist,
  keyRegions: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  extra: { reasons?: Worded[]; notes?: Worded[] } = {},
): BatchItem {
  const blocking = blockingFailures(checklist);
  const summary = summarise(checklist);
  // The checklist's own rule (checks/result.ts), over every check but a cooldown (it only delays).
  const verdict = readiness(
    checklist.action,
    checklist.checks.filter((c) => !(c.status === 'fail' && WAITABLE.has(c.id))),
  );
  if (!verdict.ready || extra.reasons?.length) {
    const elsewhere = [...(keyRegions.get(cluster.accountId) ?? [])].filter(
      (r) => r !== cluster.regionId,
    );
    const reasons = blocking.map((c) =>
      c.id === 'key.exists' && elsewhere.length > 0
        ? led(
            message('batch.reason.check', { check: c.id }),
            worded(
              message('batch.reason.keyElsewhere', {
                keyId: checklist.keyId ?? '—',
                regions: elsewhere.join(', '),
                region: cluster.regionId,
              }),
            ),
          )
        : checkReason(c),
    );
    for (const id of verdict.unconfirmed) {
      reasons.push(
        unconfirmedReason(
          id,
          checklist.checks.find((c) => c.id === id),
        ),
      );
    }
    if (!verdict.ready && reasons.length === 0) {
      reasons.push(worded(message('batch.reason.nothingChecked')));
    }
    return {
      ...skippedItem(cluster, [...reasons, ...(extra.reasons ?? [])]),
      checklist: summary,
    };
  }
  const cooldown = checklist.checks.find((c) => c.id === 'cluster.cooldown' && c.status === 'fail');
  const notes = split([
    ...(cooldown
      ? [
          led(message('batch.note.cooldown'), {
            text: cooldown.summary,
            words: cooldown.message ? [cooldown.message] : [],
          }),
        ]
      : []),
    ...(extra.notes ?? []),
  ]);
  return {
    ...baseItem(cluster),
    // The key this cluster gets: the plan's alias or ARN resolved in the cluster's region.
    ...(checklist.action === 'enable' && checklist.keyId ? { keyId: checklist.keyId } : {}),
    status: 'ready',
    reasons: [],
    reasonMessages: [],
    notes: notes.texts,
    noteMessages: notes.words,
    checklist: summary,
    state: initialState('ready'),
  };
}

/**
 * Changing the key of an encrypted cluster needs the key in use too: the API server decrypts
 * every Secret with it while re-encrypting. The checklist looks at the new key only, so the plan
 * looks at the old one (through the same per-account cache). null = no objection.
 */
export function keyInUseReason(
  keyId: string,
  found: { key: KmsKeyMetadata } | { error: unknown },
): { reason?: Worded; note?: Worded } | null {
  if ('key' in found) {
    if (found.key.keyState === 'Enabled') return null;
    return {
      reason: worded(
        message('batch.reason.keyInUseState', { keyId, keyState: found.key.keyState }),
      ),
    };
  }
  if (found.error instanceof CloudError && found.error.kind === 'notFound')
    return { reason: worded(message('batch.reason.keyInUseMissing', { keyId })) };
  return {
    note: worded(message('batch.note.keyInUseUnread', { keyId, detail: messageOf(found.error) })),
  };
}

/** Regions where a checklist found the key (key.exists passed), per account. */
export function keyRegionsSeen(
  results: readonly { cluster: ClusterSummary; checklist: Checklist | null }[],
): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  for (const { cluster, checklist } of results) {
    const exists = checklist?.checks.find((c) => c.id === 'key.exists' && c.status === 'pass');
    if (!exists) continue;
    const arn = typeof exists.evidence.arn === 'string' ? exists.evidence.arn : '';
    const region = keyRegion(arn) ?? cluster.regionId;
    const regions = seen.get(cluster.accountId) ?? new Set<string>();
    regions.add(region);
    seen.set(cluster.accountId, regions);
  }
  return seen;
}

/** What the plan could not see: failed listings in scope, and cluster ids not found. */
export function scopeProblems(
  scope: BatchScope,
  found: readonly ClusterSummary[],
  failures: readonly FleetFailure[],
): Worded[] {
  const problems = failures
    .filter(
      (f) =>
        (!scope.accountIds || scope.accountIds.includes(f.accountId)) &&
        (!scope.regionIds || f.regionId === null || scope.regionIds.includes(f.regionId)),
    )
    .map((f) =>
      worded(
        f.regionId === null
          ? message('batch.problem.listFailedAll', {
              account: f.accountName,
              code: f.code,
              detail: f.message,
            })
          : message('batch.problem.listFailed', {
              account: f.accountName,
              region: f.regionId,
              code: f.code,
              detail: f.message,
            }),
      ),
    );
  for (const id of scope.clusterIds ?? []) {
    if (!found.some((c) => c.clusterId === id))
      problems.push(worded(message('batch.problem.unknownCluster', { clusterId: id })));
  }
  return problems;
}

export interface PlanDeps {
  /** The fleet, freshly listed for the scope's accounts and regions. */
  clusters: (
    scope: BatchScope,
  ) => Promise<{ clusters: ClusterSummary[]; failures: FleetFailure[] }>;
  /** The checklist (checks/api.ts), and the key in use read through the same cache. */
  checks: Pick<ChecksService, 'runFor' | 'readKey'>;
  /** The keys of an account in a region (keys.list), for keyChoice "recommended". */
  listKeys?: (accountId: string, regionId: string) => Promise<KmsKeySummary[]>;
  now: () => number;
  /** Checklists run at once (the cloud sessions limit calls further). */
  concurrency?: number;
}

export async function planBatch(
  request: PlanRequest,
  batchId: string,
  deps: PlanDeps,
): Promise<BatchView> {
  const { clusters: all, failures } = await deps.clusters(request.scope);
  const clusters = all.filter((c) => inScope(c, request.scope));
  // Enable: each (account, region) gets its key first (a KMS key is one account's, one region's).
  const groups = request.action === 'enable' ? groupClusters(clusters) : [];
  const groupKeys = new Map<string, GroupKey>();
  await Promise.all(
    groups.map(async (g) => {
      const here = new Set(
        all
          .filter((c) => c.accountId === g.accountId && c.regionId === g.regionId)
          .map((c) => c.clusterId),
      );
      groupKeys.set(
        groupId(g.accountId, g.regionId),
        await keyForGroup(g, request, deps.listKeys, here),
      );
    }),
  );
  const keyOf = (c: ClusterSummary): GroupKey | null =>
    groupKeys.get(groupId(c.accountId, c.regionId)) ?? null;
  const caches = new Map<string, BatchCache>();
  const cacheFor = (accountId: string) => {
    let cache = caches.get(accountId);
    if (!cache) caches.set(accountId, (cache = new BatchCache()));
    return cache;
  };
  const limiter = new Limiter(deps.concurrency ?? 6);
  const results = await Promise.all(
    clusters.map(async (cluster) => {
      const groupKey = keyOf(cluster);
      const keyRef = groupKey ? groupKey.keyRef : (request.keyId ?? null);
      const ruled =
        ruleOut(cluster, request, keyRef) ??
        (groupKey?.reason ? led(message('batch.reason.key'), groupKey.reason) : null);
      if (ruled)
        return { cluster, checklist: null, item: skippedItem(cluster, [ruled]), objection: null };
      try {
        return await limiter.run(async () => {
          const cache = cacheFor(cluster.accountId);
          const checklist = await deps.checks.runFor(cluster, request.action, keyRef, cache);
          const inUse = cluster.encryption.enabled ? cluster.encryption.keyId : null;
          let objection: ReturnType<typeof keyInUseReason> = null;
          if (request.action === 'enable' && inUse && inUse !== checklist.keyId) {
            const found = await deps.checks
              .readKey(cluster, inUse, cache)
              .catch((error: unknown) => ({ error }));
            objection = keyInUseReason(inUse, found);
          }
          return { cluster, checklist, item: null, objection };
        });
      } catch (error) {
        const why = messageOf(error);
        return {
          cluster,
          checklist: null,
          item: skippedItem(cluster, [
            worded(message('batch.reason.checklistFailed', { detail: why })),
          ]),
          objection: null,
        };
      }
    }),
  );
  const keyRegions = keyRegionsSeen(results);
  const items = results.map(
    (r) =>
      r.item ??
      itemFromChecklist(r.cluster, r.checklist!, keyRegions, {
        ...(r.objection?.reason ? { reasons: [r.objection.reason] } : {}),
        ...(r.objection?.note ? { notes: [r.objection.note] } : {}),
      }),
  );
  const groupViews: BatchKeyGroup[] = groups.map((g) => {
    const key = groupKeys.get(groupId(g.accountId, g.regionId))!;
    const resolved =
      items.find((i) => i.accountId === g.accountId && i.regionId === g.regionId && i.keyId)
        ?.keyId ?? null;
    return groupView(g, key, resolved);
  });
  const problems = split(scopeProblems(request.scope, clusters, failures));
  return {
    batchId,
    createdAt: new Date(deps.now()).toISOString(),
    action: request.action,
    keyId: request.action === 'enable' ? (request.keyId ?? null) : null,
    scope: request.scope,
    state: 'planned',
    concurrency: null,
    appliedAt: null,
    endedAt: null,
    result: null,
    items,
    ...(request.action === 'enable' ? { groups: groupViews } : {}),
    counts: countItems(items),
    problems: problems.texts,
    problemMessages: problems.words,
  };
}
