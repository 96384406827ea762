// `keys`: list a region's keys (fleet.ts), the key guard's health sweep for cron and CI, and the
// key fixes behind the same confirmation as in the window.
import type { KeyFinding, KeyFixAction, KeyHealthReport } from '../../contract';
import { cloudNowOf, GuardError } from '../../contract';
import { EXIT } from '../exit-codes';
import type { ExitCode } from '../exit-codes';
import { FIX_CALL } from '../../core/keys/fixes';
import { findAccount, parseOptions, UsageError } from '../args';
import { atTerminal, confirm } from '../confirm';
import { usageLine } from '../help';
import { refreshedSnapshot } from '../refreshed-snapshot';
import { keysCommand as listCommand } from './fleet';
import type { CommandContext, CommandSpec } from './types';

/** The exit code `keys health` promises: 5 critical, 6 warnings only, else 0. */
export function healthExit(findings: readonly KeyFinding[]): ExitCode {
  if (findings.some((f) => f.severity === 'critical')) return EXIT.keyCritical;
  return findings.length > 0 ? EXIT.keyWarnings : EXIT.ok;
}

/** Days and hours until an ISO date (negative: past), for the countdown. */
export function countdown(iso: string, now: number): string {
  const ms = Date.parse(iso) - now;
  if (Number.isNaN(ms)) return '';
  if (ms <= 0) return 'now';
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  return days > 0 ? `in ${days}d ${hours}h` : `in ${hours}h`;
}

function printFinding(ctx: CommandContext, f: KeyFinding, now: number): void {
  const mark = f.severity === 'critical' ? 'CRIT' : 'WARN';
  ctx.print(`[${mark}] ${f.kind.padEnd(24)} ${f.summary}`);
  // A demo key's times are its simulated cloud's (core/util/clock.ts): said so, and counted
  // down on that clock.
  const simulated = f.simulatedClock ? ', simulated time' : '';
  if (f.deleteDate)
    ctx.print(
      `       deleted for good: ${f.deleteDate} (${countdown(f.deleteDate, cloudNowOf(f.simulatedClock, now))}${simulated})`,
    );
  ctx.print(
    `       clusters: ${f.clusters.map((c) => `${c.name} (${c.clusterId}, ${c.accountName}, ${c.regionId})`).join('; ')}`,
  );
  if (f.whoDidIt?.actor)
    ctx.print(
      `       who: ${f.whoDidIt.actor.userName ?? '?'} (${f.whoDidIt.actor.type ?? '?'}) ${f.whoDidIt.actor.eventName} at ${f.whoDidIt.actor.eventTime}${f.simulatedClock ? ' (simulated time)' : ''}`,
    );
  else if (f.whoDidIt)
    ctx.print(
      `       who: ${f.whoDidIt.status === 'not-yet' ? 'not in ActionTrail yet (events arrive up to 10 minutes late)' : f.whoDidIt.status === 'not-found' ? 'no ActionTrail record in the last 7 days' : `ActionTrail unavailable: ${f.whoDidIt.note ?? ''}`}`,
    );
  const fixFlag: Record<KeyFixAction, string> = {
    'enable-key': '--enable',
    'cancel-key-deletion': '--cancel-deletion',
    'enable-deletion-protection': '--deletion-protection',
  };
  ctx.print(
    `       fix: ${f.fix.hint}${f.fix.action ? `  (ack-secret-guard keys fix ${f.keyId} ${fixFlag[f.fix.action]} --account ${f.accountName} --region ${f.regionId})` : ''}`,
  );
}

async function health(ctx: CommandContext): Promise<ExitCode> {
  const { values } = parseOptions(ctx.args.slice(1), {
    account: { type: 'string' },
    cached: { type: 'boolean' },
  });
  const account = values.account ? await findAccount(ctx, values.account) : null;
  const accountIds = account ? [account.id] : undefined;
  if (values.cached) {
    if (!(await ctx.core.api['fleet.snapshot']({}))) {
      ctx.io.stderr.write(
        'There is no fleet snapshot yet: run "keys health" without --cached once.\n',
      );
      return EXIT.failure;
    }
  } else {
    const snapshot = await refreshedSnapshot(ctx, accountIds ? { accountIds } : {});
    const failures = snapshot.failures.filter((f) => !account || f.accountId === account.id);
    for (const f of failures)
      ctx.io.stderr.write(
        `failed: ${f.accountName} ${f.regionId ?? '(all regions)'}: ${f.code}: ${f.message}\n`,
      );
    if (
      failures.length > 0 &&
      snapshot.clusters.every((c) => account && c.accountId !== account.id)
    )
      return EXIT.cloud;
  }
  // The sweep reads the keys live; --cached reads them live too, over the snapshot's clusters.
  const report: KeyHealthReport = await ctx.core.api['keys.health'](
    accountIds ? { accountIds } : {},
  );
  const mine = (f: KeyFinding) =>
    !account || f.accountId === account.id || f.clusters.some((c) => c.accountId === account.id);
  const findings = report.findings.filter(mine);
  const keys = report.keys.filter(
    (k) => !account || k.clusters.some((c) => c.accountId === account.id),
  );
  const exit = healthExit(findings);
  if (ctx.json)
    ctx.printJson({
      checkedAt: report.checkedAt,
      fleetFetchedAt: report.fleetFetchedAt,
      status: exit === EXIT.keyCritical ? 'critical' : exit === EXIT.keyWarnings ? 'warning' : 'ok',
      keys,
      findings,
      problems: report.problems,
    });
  else {
    const now = Date.now();
    const critical = findings.filter((f) => f.severity === 'critical').length;
    ctx.print(
      `${keys.length} key${keys.length === 1 ? '' : 's'} in use by ${keys.reduce((n, k) => n + k.clusters.length, 0)} encrypted clusters: ${critical} critical, ${findings.length - critical} warnings.`,
    );
    for (const k of keys.filter((k) => k.crossAccount))
      ctx.print(
        `  shared: ${k.keyId} is used by clusters in ${k.cloudAccounts.length} Alibaba Cloud accounts.`,
      );
    for (const f of findings) printFinding(ctx, f, now);
  }
  for (const p of report.problems) ctx.io.stderr.write(`problem: ${p}\n`);
  return exit;
}

async function fix(ctx: CommandContext): Promise<ExitCode> {
  const { values, positionals } = parseOptions(ctx.args.slice(1), {
    enable: { type: 'boolean' },
    'cancel-deletion': { type: 'boolean' },
    'deletion-protection': { type: 'boolean' },
    account: { type: 'string' },
    region: { type: 'string' },
    yes: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  });
  const keyId = positionals[0];
  const chosen = (
    [
      ['enable', 'enable-key'],
      ['cancel-deletion', 'cancel-key-deletion'],
      ['deletion-protection', 'enable-deletion-protection'],
    ] as const
  ).filter(([flag]) => values[flag]);
  if (!keyId || positionals.length > 1 || chosen.length !== 1)
    throw new UsageError(usageLine(ctx.t, 'keys fix'));
  const t = ctx.t;
  const dryRun = values['dry-run'] === true;
  // Nobody can confirm: refuse before any lookup.
  if (!values.yes && !dryRun && !atTerminal(ctx))
    throw new GuardError('validation', t.confirm.noTerminal(t.confirm.what.keyFix));
  const action = chosen[0]![1];
  let account = values.account ? await findAccount(ctx, values.account) : null;
  let regionId = values.region ?? null;
  if (!account || !regionId) {
    // The snapshot knows which account and region use the key.
    const user = (await ctx.core.api['fleet.snapshot']({}))?.clusters.find(
      (c) =>
        c.encryption.keyId === keyId &&
        (!account || c.accountId === account.id) &&
        (!regionId || c.regionId === regionId),
    );
    if (!user) {
      ctx.io.stderr.write(
        `No cluster of the last fleet snapshot uses ${keyId}: name the key's account and region with --account NAME --region ID.\n`,
      );
      return EXIT.usage;
    }
    regionId ??= user.regionId;
    account ??=
      (await ctx.core.api['accounts.list']({})).accounts.find((a) => a.id === user.accountId) ??
      null;
    if (!account) throw new GuardError('not-found', `The account of ${keyId} is no longer saved.`);
  }
  const question = t.keys.where(t.keys.fixWhat[action](keyId), account.name, regionId);
  if (dryRun) {
    // The core reads the key first and sends nothing when it is already fine
    // (core/keys/fixes.ts); the call is one of EnableKey, CancelKeyDeletion, SetDeletionProtection.
    const request = { product: 'kms', action: FIX_CALL[action], regionId, keyId };
    if (ctx.json) ctx.printJson({ dryRun: true, sent: false, accountId: account.id, request });
    else {
      ctx.print(question);
      ctx.print(`${t.dryRun.header}\n  KMS ${FIX_CALL[action]}  ${keyId}  (${regionId})`);
      ctx.print(t.dryRun.nothingSent);
    }
    return EXIT.ok;
  }
  const answer = await confirm(ctx, {
    yes: values.yes === true,
    question: t.confirm.keyFix(question),
    expected: 'yes',
    ignoreCase: true,
  });
  if (answer !== 'yes') {
    ctx.io.stderr.write(
      `${question}\n${answer === 'no-terminal' ? t.confirm.noTerminal(t.confirm.what.keyFix) : t.confirm.declined}\n`,
    );
    return EXIT.usage;
  }
  const result = await ctx.core.api['keys.fix']({ accountId: account.id, regionId, keyId, action });
  if (ctx.json) ctx.printJson(result);
  else {
    for (const step of result.steps) ctx.print(step);
    if (result.requestIds.length > 0) ctx.print(`request ids: ${result.requestIds.join(', ')}`);
  }
  return EXIT.ok;
}

export const keysCommand: CommandSpec = {
  name: 'keys',
  async run(ctx) {
    const sub = ctx.args[0];
    if (sub === 'list') return listCommand.run(ctx);
    if (sub === 'health') return health(ctx);
    if (sub === 'fix') return fix(ctx);
    throw new UsageError(usageLine(ctx.t, 'keys'));
  },
};
