// Read-only commands over the fleet: clusters, keys, and the checklist.
import type { CheckResult, Checklist, FleetSnapshot, MessageLang } from '../../contract';
import {
  KEY_REF_FORMS,
  checkFixText,
  checkSummaryText,
  formatMessage,
  message,
} from '../../contract';
import { EXIT } from '../exit-codes';
import { findAccount, parseOptions } from '../args';
import { table } from '../lookup';
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
export function keyHealthText(key: { health: string; deleteDate: string | null } | null): string {
  if (!key) return '-';
  return key.health === 'pending-deletion' && key.deleteDate
    ? `pending-deletion (deleted ${key.deleteDate})`
    : key.health;
}

/** on (key) / off / unknown: never "off" for a cluster whose metadata did not say. */
export function encryptionText(enabled: boolean | null, keyId: string | null): string {
  if (enabled === null) return 'unknown';
  return enabled ? `on (${keyId})` : 'off';
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
      help: { type: 'boolean' },
    });
    if (
      values.help ||
      positionals[0] !== 'list' ||
      positionals.length > 1 ||
      (values.cached && values['include-ack-pro'])
    ) {
      (values.help ? ctx.io.stdout : ctx.io.stderr).write(
        'Usage: ack-secret-guard clusters list [--account NAME] [--region ID ...] [--include-ack-pro | --cached] [--json]\n' +
          '  --cached  the last snapshot on disk, without asking the cloud\n',
      );
      return values.help ? EXIT.ok : EXIT.usage;
    }
    const account = values.account ? await findAccount(ctx, values.account) : null;
    const snapshot = values.cached
      ? await ctx.core.api['fleet.snapshot']({})
      : await ctx.core.api['fleet.refresh']({
          ...(account ? { accountIds: [account.id] } : {}),
          ...(values.region ? { regionIds: values.region } : {}),
          ...(values['include-ack-pro'] ? { includeAckPro: true } : {}),
        });
    if (!snapshot) {
      ctx.io.stderr.write(
        'There is no fleet snapshot yet: run "clusters list" without --cached once.\n',
      );
      return EXIT.failure;
    }
    // The refresh merges into the stored snapshot; show only what was asked for.
    const shown: FleetSnapshot = {
      ...snapshot,
      clusters: snapshot.clusters.filter(
        (c) =>
          (!account || c.accountId === account.id) &&
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
        ctx.io.stderr.write(
          `failed: ${f.account} ${f.regionId ?? '(all regions)'}: ${f.code}: ${f.message}\n`,
        );
      if (stale)
        ctx.io.stderr.write(
          values.cached
            ? `From the snapshot on disk: listed ${localTime(json.fetchedAt)}, not refreshed now.\n`
            : `STALE: ${nothingRefreshed ? 'nothing could be refreshed now' : 'some regions could not be refreshed now'}; the oldest rows were listed ${localTime(json.fetchedAt)}.\n`,
        );
      ctx.print(
        table(
          ['CLUSTER', 'NAME', 'ACCOUNT', 'REGION', 'STATE', 'KEY HEALTH', 'ENCRYPTION'],
          json.clusters.map((c) => [
            c.clusterId,
            c.name,
            c.account,
            c.regionId,
            c.state,
            keyHealthText(c.key),
            encryptionText(c.encryption.enabled, c.encryption.keyId),
          ]),
        ),
      );
      const count = `${json.clusters.length} ${json.clusters.length === 1 ? 'cluster' : 'clusters'}`;
      ctx.print(
        `\n${count}, ${stale ? `listed from ${localTime(json.fetchedAt)}` : `listed ${localTime(json.askedAt)}`}`,
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
      help: { type: 'boolean' },
    });
    if (values.help || positionals[0] !== 'list' || !values.account || !values.region) {
      (values.help ? ctx.io.stdout : ctx.io.stderr).write(
        'Usage: ack-secret-guard keys list --account NAME --region ID [--json]\n',
      );
      return values.help ? EXIT.ok : EXIT.usage;
    }
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
          ['KEY', 'ALIASES', 'SPEC', 'STATE', 'ROTATION', 'ELIGIBLE'],
          json.keys.map((k) => [
            k.keyId,
            k.aliases.join(',') || '-',
            k.keySpec,
            k.keyState,
            k.automaticRotation ?? 'unknown',
            k.eligible ? 'yes' : `no: ${k.reasons.join(', ')}`,
          ]),
        ),
      );
    return EXIT.ok;
  },
};

const MARK: Record<string, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  warn: 'WARN',
  unknown: '????',
  manual: 'HAND',
};

export function printChecklist(
  ctx: CommandContext,
  list: Checklist,
  lang: MessageLang = 'en',
): void {
  ctx.print(
    `${list.action} ${list.clusterId}${list.keyId ? ` with ${list.keyRef ? `${list.keyRef} (${list.keyId})` : list.keyId}` : ''}: ${list.ready ? 'ready' : 'NOT ready'}`,
  );
  printChecks(ctx, list.checks, lang);
}

/**
 * The checks, one line each with the fix below; the checks that could not run because another
 * failed first (a missing key) share one line after it (`--json` keeps each of them).
 */
export function printChecks(
  ctx: CommandContext,
  checks: readonly CheckResult[],
  lang: MessageLang = 'en',
): void {
  const skipped = checks.filter((c) => typeof c.evidence.notCheckedBecause === 'string');
  for (const c of checks) {
    if (skipped.includes(c)) continue;
    ctx.print(`  [${MARK[c.status]}] ${c.id.padEnd(24)} ${checkSummaryText(c, lang)}`);
    const fix = checkFixText(c, lang);
    if (c.status !== 'pass' && fix)
      ctx.print(`         fix: ${fix}${c.fix?.consoleUrl ? ` (${c.fix.consoleUrl})` : ''}`);
    if (c.status !== 'pass' && c.fix?.copy) ctx.print(`         copy: ${c.fix.copy}`);
    const after = skipped.filter((s) => s.evidence.notCheckedBecause === c.id);
    if (after.length > 0)
      ctx.print(
        `  [${MARK.unknown}] ${''.padEnd(24)} ${formatMessage(
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
    ctx.print(`  [${MARK[c.status]}] ${c.id.padEnd(24)} ${checkSummaryText(c, lang)}`);
}

export const checkCommand: CommandSpec = {
  name: 'check',
  async run(ctx) {
    const { values, positionals } = parseOptions(ctx.args, {
      key: { type: 'string' },
      disable: { type: 'boolean' },
      account: { type: 'string' },
      help: { type: 'boolean' },
    });
    const clusterId = positionals[0];
    if (
      values.help ||
      !clusterId ||
      positionals.length > 1 ||
      Boolean(values.key) === Boolean(values.disable)
    ) {
      (values.help ? ctx.io.stdout : ctx.io.stderr).write(
        `Usage: ack-secret-guard check CLUSTER_ID (--key KEY | --disable) [--account NAME] [--json]\n  KEY: ${KEY_REF_FORMS}\n`,
      );
      return values.help ? EXIT.ok : EXIT.usage;
    }
    const account = values.account ? await findAccount(ctx, values.account) : null;
    const list = await ctx.core.api['checks.run']({
      clusterId,
      action: values.disable ? 'disable' : 'enable',
      ...(values.key ? { keyId: values.key } : {}),
      ...(account ? { accountId: account.id } : {}),
    });
    if (ctx.json) ctx.printJson(list);
    else printChecklist(ctx, list);
    return list.ready ? EXIT.ok : EXIT.notReady;
  },
};
