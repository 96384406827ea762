// Read-only commands over the fleet: clusters, keys, and the checklist.
import type { CheckResult, Checklist, FleetSnapshot } from '../../contract';
import {
  checkFixText,
  checkSummaryText,
  formatMessage,
  message,
  reachableVia,
  reaches,
} from '../../contract';
import { EXIT } from '../exit-codes';
import { findAccount, parseOptions, UsageError } from '../args';
import { usageLine } from '../help';
import { refreshedSnapshot } from '../refreshed-snapshot';
import type { CliText } from '../i18n';
import { resolveCluster, table } from '../lookup';
import { localTime } from '../time-text';
import type { CommandContext, CommandSpec } from './types';

/**
 * The shape promised to scripts: stable field names. `encryption.enabled` is true, false, or
 * null when the cloud did not say (the list and the cluster's detail both silent or unreadable).
 */
export function clustersJson(snapshot: FleetSnapshot) {
  const { stale, dataAt } = freshness(snapshot);
  return {
    /** When the rows were listed: the oldest listing among them (not when the cloud was asked). */
    fetchedAt: dataAt,
    /** When the cloud was asked this time (the stored snapshot's time with --cached). */
    askedAt: snapshot.fetchedAt,
    /** True when any row is older than askedAt, or everything came from disk. */
    stale,
    clusters: snapshot.clusters.map((c) => ({
      clusterId: c.clusterId,
      name: c.name,
      account: c.accountName,
      accountId: c.cloudAccountId ?? c.accountId,
      /**
       * Every saved account that lists the cluster (one row however many): name and our id,
       * the one commands act through first (`--account` picks another).
       */
      reachableVia: reachableVia(c).map((r) => ({
        account: r.accountName,
        savedAccountId: r.accountId,
      })),
      regionId: c.regionId,
      clusterType: c.clusterType,
      profile: c.profile,
      clusterSpec: c.clusterSpec,
      state: c.state,
      kubernetesVersion: c.kubernetesVersion,
      encryption: { enabled: c.encryption.enabled, keyId: c.encryption.keyId },
      // The key's health as the window shows it: null when the cluster uses no key.
      key: c.key
        ? {
            keyId: c.key.keyId,
            aliases: c.key.aliases,
            health: c.key.health,
            deleteDate: c.key.deleteDate ?? null,
          }
        : null,
    })),
    failures: snapshot.failures.map((f) => ({
      account: f.accountName,
      regionId: f.regionId,
      code: f.code,
      message: f.message,
    })),
  };
}

/**
 * How old the rows are: a region this refresh could not list keeps its older rows, and says so
 * (a cached answer stamped with "now" is how offline looked current).
 */
export function freshness(snapshot: FleetSnapshot): {
  stale: boolean;
  dataAt: string;
  refreshedNow: number;
} {
  const times = snapshot.listings.map((l) => l.listedAt).sort();
  const refreshedNow = snapshot.listings.filter((l) => l.listedAt >= snapshot.fetchedAt).length;
  return {
    stale: snapshot.stale || refreshedNow < snapshot.listings.length,
    dataAt: times[0] ?? snapshot.fetchedAt,
    refreshedNow: snapshot.stale ? 0 : refreshedNow,
  };
}

/** The key's health for the text table: "-" without a key, the deletion date when pending. */
export function keyHealthText(
  t: CliText,
  key: { health: string; deleteDate: string | null } | null,
): string {
  if (!key) return '-';
  return key.health === 'pending-deletion' && key.deleteDate
    ? t.clusters.pendingDeletion(localTime(key.deleteDate))
    : (t.fleetText.health[key.health] ?? key.health);
}

/** on (key) / off / unknown: never "off" for a cluster whose metadata did not say. */
export function encryptionText(t: CliText, enabled: boolean | null, keyId: string | null): string {
  if (enabled === null) return t.encryption.unknown;
  return enabled ? t.encryption.on(keyId) : t.encryption.off;
}

export const clustersCommand: CommandSpec = {
  name: 'clusters',
  async run(ctx) {
    if (ctx.args[0] === 'create')
      return (await import('./create')).createCommand.run({ ...ctx, args: ctx.args.slice(1) });
    const { values, positionals } = parseOptions(ctx.args, {
      account: { type: 'string' },
      region: { type: 'string', multiple: true },
      'include-ack-pro': { type: 'boolean' },
      cached: { type: 'boolean' },
    });
    if (
      positionals[0] !== 'list' ||
      positionals.length > 1 ||
      (values.cached && values['include-ack-pro'])
    )
      throw new UsageError(usageLine(ctx.t, 'clusters list'));
    const t = ctx.t;
    const account = values.account ? await findAccount(ctx, values.account) : null;
    const snapshot = values.cached
      ? await ctx.core.api['fleet.snapshot']({})
      : await refreshedSnapshot(ctx, {
          ...(account ? { accountIds: [account.id] } : {}),
          ...(values.region ? { regionIds: values.region } : {}),
          ...(values['include-ack-pro'] ? { includeAckPro: true } : {}),
        });
    if (!snapshot) {
      ctx.io.stderr.write(`${ctx.t.clusters.noSnapshot}\n`);
      return EXIT.failure;
    }
    // The refresh merges into the stored snapshot; show only what was asked for.
    const shown: FleetSnapshot = {
      ...snapshot,
      clusters: snapshot.clusters.filter(
        (c) =>
          (!account || reaches(c, account.id)) &&
          (!values.region || values.region.includes(c.regionId)),
      ),
      failures: snapshot.failures.filter((f) => !account || f.accountId === account.id),
      listings: snapshot.listings.filter(
        (l) =>
          (!account || l.accountId === account.id) &&
          (!values.region || values.region.includes(l.regionId)),
      ),
    };
    const { stale, refreshedNow } = freshness(shown);
    // Nothing in the asked scope could be listed now: the rows (if any) are all old ones.
    const nothingRefreshed = !values.cached && refreshedNow === 0 && shown.failures.length > 0;
    const json = clustersJson(shown);
    if (ctx.json) ctx.printJson(json);
    else {
      // What is wrong comes first: a reader who stops at the table must already know.
      for (const f of json.failures)
        ctx.io.stderr.write(`${t.clusters.failed(f.account, f.regionId, f.code, f.message)}\n`);
      const listed = localTime(json.fetchedAt);
      if (stale)
        ctx.io.stderr.write(
          `${values.cached ? t.clusters.fromDisk(listed) : nothingRefreshed ? t.clusters.staleNothing(listed) : t.clusters.staleSome(listed)}\n`,
        );
      const h = t.head;
      ctx.print(
        table(
          [h.cluster, h.name, h.account, h.region, h.state, h.keyHealth, h.encryption],
          json.clusters.map((c) => [
            c.clusterId,
            c.name,
            c.reachableVia.length > 1
              ? t.reachable.alsoVia(
                  c.account,
                  c.reachableVia.slice(1).map((r) => r.account),
                )
              : c.account,
            c.regionId,
            t.clusterState[c.state] ?? c.state,
            keyHealthText(t, c.key),
            encryptionText(t, c.encryption.enabled, c.encryption.keyId),
          ]),
        ),
      );
      ctx.print(
        `\n${t.clusters.countLine(t.clusters.count(json.clusters.length), stale ? t.clusters.listedFrom(listed) : t.clusters.listedAt(localTime(json.askedAt)))}`,
      );
    }
    if (nothingRefreshed) return EXIT.cloud;
    return json.failures.length > 0 && json.clusters.length === 0 ? EXIT.cloud : EXIT.ok;
  },
};

export const keysCommand: CommandSpec = {
  name: 'keys',
  async run(ctx) {
    const { values, positionals } = parseOptions(ctx.args, {
      account: { type: 'string' },
      region: { type: 'string' },
    });
    if (positionals[0] !== 'list' || positionals.length > 1 || !values.account || !values.region)
      throw new UsageError(usageLine(ctx.t, 'keys list'));
    const t = ctx.t;
    const account = await findAccount(ctx, values.account);
    const { keys } = await ctx.core.api['keys.list']({
      accountId: account.id,
      regionId: values.region,
    });
    const json = {
      keys: keys.map((k) => ({
        keyId: k.keyId,
        arn: k.arn,
        aliases: k.aliases,
        keySpec: k.keySpec,
        keyUsage: k.keyUsage,
        keyState: k.keyState,
        automaticRotation: k.automaticRotation,
        deletionProtection: k.deletionProtection,
        protectionLevel: k.protectionLevel,
        eligible: k.eligible,
        reasons: k.reasons,
      })),
    };
    if (ctx.json) ctx.printJson(json);
    else
      ctx.print(
        table(
          [t.head.key, t.head.aliases, t.head.spec, t.head.state, t.head.rotation, t.head.eligible],
          json.keys.map((k) => [
            k.keyId,
            k.aliases.join(',') || '-',
            k.keySpec,
            t.fleetText.keyState[k.keyState] ?? k.keyState,
            k.automaticRotation
              ? (t.fleetText.rotation[k.automaticRotation] ?? k.automaticRotation)
              : t.clusters.unknownRotation,
            k.eligible
              ? t.yesNo.yes
              : t.clusters.notEligible(k.reasons.map((r) => t.fleetText.reason[r] ?? r).join(', ')),
          ]),
        ),
      );
    return EXIT.ok;
  },
};

export function printChecklist(ctx: CommandContext, list: Checklist): void {
  const t = ctx.t;
  const key = list.keyId
    ? ` ${t.check.withKey(list.keyRef ? `${list.keyRef} (${list.keyId})` : list.keyId)}`
    : '';
  ctx.print(
    `${t.check.action[list.action] ?? list.action} ${list.clusterId}${key}: ${list.ready ? t.check.ready : t.check.notReady}`,
  );
  printChecks(ctx, list.checks);
}

/**
 * The checks, one line each with the fix below, in the CLI's language; the checks that could not
 * run because another failed first (a missing key) share one line after it (`--json` keeps each).
 */
export function printChecks(ctx: CommandContext, checks: readonly CheckResult[]): void {
  const { t, lang } = ctx;
  const mark = (c: CheckResult) => t.mark[c.status] ?? c.status;
  const skipped = checks.filter((c) => typeof c.evidence.notCheckedBecause === 'string');
  for (const c of checks) {
    if (skipped.includes(c)) continue;
    ctx.print(`  [${mark(c)}] ${c.id.padEnd(24)} ${checkSummaryText(c, lang)}`);
    const fix = checkFixText(c, lang);
    if (c.status !== 'pass' && fix)
      ctx.print(
        `         ${t.check.fix}: ${fix}${c.fix?.consoleUrl ? ` (${c.fix.consoleUrl})` : ''}`,
      );
    if (c.status !== 'pass' && c.fix?.copy) ctx.print(`         ${t.check.copy}: ${c.fix.copy}`);
    const after = skipped.filter((s) => s.evidence.notCheckedBecause === c.id);
    if (after.length > 0)
      ctx.print(
        `  [${t.mark.unknown}] ${''.padEnd(24)} ${formatMessage(
          message('check.notChecked.group', {
            cause: c.id,
            ids: after.map((s) => s.id).join(', '),
          }),
          lang,
        )}`,
      );
  }
  // A skip whose cause is not in the list (never expected) still gets its own line.
  for (const c of skipped.filter((s) => !checks.some((x) => x.id === s.evidence.notCheckedBecause)))
    ctx.print(`  [${mark(c)}] ${c.id.padEnd(24)} ${checkSummaryText(c, lang)}`);
}

export const checkCommand: CommandSpec = {
  name: 'check',
  async run(ctx) {
    const { values, positionals } = parseOptions(ctx.args, {
      key: { type: 'string' },
      disable: { type: 'boolean' },
      account: { type: 'string' },
    });
    const ref = positionals[0];
    if (!ref || positionals.length > 1 || Boolean(values.key) === Boolean(values.disable))
      throw new UsageError(usageLine(ctx.t, 'check'));
    const account = values.account ? await findAccount(ctx, values.account) : null;
    const target = await resolveCluster(ctx, ref, account);
    const list = await ctx.core.api['checks.run']({
      clusterId: target.clusterId,
      action: values.disable ? 'disable' : 'enable',
      ...(values.key ? { keyId: values.key } : {}),
      ...(target.accountId ? { accountId: target.accountId } : {}),
    });
    if (ctx.json) ctx.printJson(list);
    else printChecklist(ctx, list);
    return list.ready ? EXIT.ok : EXIT.notReady;
  },
};
