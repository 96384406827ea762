// `keys`: list a region's keys (fleet.ts), the key guard's health sweep for cron and CI, and the
// key fixes behind the same confirmation as in the window.
import type { KeyFinding, KeyFixAction, KeyHealthReport } from '../../contract';
import { cloudNowOf, GuardError } from '../../contract';
import { EXIT } from '../exit-codes';
import type { ExitCode } from '../exit-codes';
import { findAccount, parseOptions, UsageError } from '../args';
import { atTerminal, confirm } from '../confirm';
import { usageLine } from '../help';
import { refreshedSnapshot } from '../refreshed-snapshot';
import type { CliText } from '../i18n';
import { localTime } from '../time-text';
import { keysCommand as listCommand } from './fleet';
import type { CommandContext, CommandSpec } from './types';

/** The exit code `keys health` promises: 5 critical, 6 warnings only, else 0. */
export function healthExit(findings: readonly KeyFinding[]): ExitCode {
  if (findings.some((f) => f.severity === 'critical')) return EXIT.keyCritical;
  return findings.length > 0 ? EXIT.keyWarnings : EXIT.ok;
}

/** Days and hours until an ISO date (negative: past), for the countdown. */
export function countdown(t: CliText, iso: string, now: number): string {
  const ms = Date.parse(iso) - now;
  if (Number.isNaN(ms)) return '';
  if (ms <= 0) return t.keyHealth.now;
  return t.keyHealth.countdown(
    Math.floor(ms / 86_400_000),
    Math.floor((ms % 86_400_000) / 3_600_000),
  );
}

const FIX_FLAG: Record<KeyFixAction, string> = {
  'enable-key': '--enable',
  'cancel-key-deletion': '--cancel-deletion',
  'enable-deletion-protection': '--deletion-protection',
};

function printFinding(ctx: CommandContext, f: KeyFinding, now: number): void {
  const w = ctx.t.keyHealth;
  const indent = '       ';
  ctx.print(`[${w.mark[f.severity]}] ${w.finding(f)}`);
  // A demo key's times are its simulated cloud's (core/util/clock.ts): said so, and counted
  // down on that clock.
  if (f.deleteDate)
    ctx.print(
      `${indent}${w.deletedForGood(localTime(f.deleteDate), countdown(ctx.t, f.deleteDate, cloudNowOf(f.simulatedClock, now)) + (f.simulatedClock ? w.simulatedInParens : ''))}`,
    );
  ctx.print(
    `${indent}${w.clusters(f.clusters.map((c) => `${c.name} (${c.clusterId}, ${c.accountName}, ${c.regionId})`).join('; '))}`,
  );
  const actor = f.whoDidIt?.actor;
  if (actor)
    ctx.print(
      `${indent}${w.who(actor.userName ?? '?', actor.type ?? '?', actor.eventName, localTime(actor.eventTime) + (f.simulatedClock ? w.simulatedAfter : ''))}`,
    );
  else if (f.whoDidIt) {
    const status = w.whoStatus[f.whoDidIt.status] ?? f.whoDidIt.status;
    const note =
      f.whoDidIt.status === 'unavailable' && f.whoDidIt.note ? `: ${f.whoDidIt.note}` : '';
    ctx.print(`${indent}${w.whoLine(`${status}${note}`)}`);
  }
  ctx.print(
    `${indent}${ctx.t.check.fix}: ${w.fix(f)}${f.fix.action ? `  (ack-secret-guard keys fix ${f.keyId} ${FIX_FLAG[f.fix.action]} --account ${f.accountName} --region ${f.regionId})` : ''}`,
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
      ctx.io.stderr.write(`${ctx.t.keyHealth.noSnapshot}\n`);
      return EXIT.failure;
    }
  } else {
    const snapshot = await refreshedSnapshot(ctx, accountIds ? { accountIds } : {});
    const failures = snapshot.failures.filter((f) => !account || f.accountId === account.id);
    for (const f of failures)
      ctx.io.stderr.write(
        `${ctx.t.clusters.failed(f.accountName, f.regionId, f.code, f.message)}\n`,
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
    const w = ctx.t.keyHealth;
    const clusters = keys.reduce((n, k) => n + k.clusters.length, 0);
    ctx.print(w.summary(keys.length, clusters, critical, findings.length - critical));
    for (const k of keys.filter((k) => k.crossAccount))
      ctx.print(`  ${w.shared(k.keyId, k.cloudAccounts.length)}`);
    for (const f of findings) printFinding(ctx, f, now);
  }
  for (const p of report.problems) ctx.io.stderr.write(`${ctx.t.keyHealth.problem(p)}\n`);
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
      ctx.io.stderr.write(`${t.keyFix.noUser(keyId)}\n`);
      return EXIT.usage;
    }
    regionId ??= user.regionId;
    account ??=
      (await ctx.core.api['accounts.list']({})).accounts.find((a) => a.id === user.accountId) ??
      null;
    if (!account) throw new GuardError('not-found', t.keyFix.accountGone(keyId));
  }
  const question = t.keys.where(t.keys.fixWhat[action](keyId), account.name, regionId);
  if (dryRun) return printFixDryRun(ctx, question, account.id, regionId, keyId, action);
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
    if (result.requestIds.length > 0) ctx.print(t.keyFix.requestIds(result.requestIds.join(', ')));
  }
  return EXIT.ok;
}

/**
 * `keys fix --dry-run`: the core reads the key (DescribeKey) and says the one call it would send,
 * or that there is nothing to do, or why it would be refused; nothing is sent or audited.
 */
async function printFixDryRun(
  ctx: CommandContext,
  question: string,
  accountId: string,
  regionId: string,
  keyId: string,
  action: KeyFixAction,
): Promise<ExitCode> {
  const t = ctx.t;
  const result = await ctx.core.api['keys.fix']({
    accountId,
    regionId,
    keyId,
    action,
    dryRun: true,
  });
  const preview = result.dryRun!;
  if (ctx.json) {
    ctx.printJson({
      dryRun: true,
      sent: false,
      accountId,
      key: preview.key,
      request: preview.request,
      refused: preview.refused,
    });
    return preview.refused ? EXIT.usage : EXIT.ok;
  }
  const k = preview.key;
  ctx.print(question);
  ctx.print(
    t.keyFix.keyNow(
      k.keyState ?? t.keyFix.unknown,
      k.deletionProtection ?? t.keyFix.unknown,
      k.deleteDate ? localTime(k.deleteDate) : null,
    ),
  );
  if (preview.request)
    ctx.print(
      `${t.dryRun.header}\n  KMS ${preview.request.action}  (${preview.request.regionId})\n  ${JSON.stringify(preview.request.params)}`,
    );
  else if (preview.refused) ctx.print(t.keyFix.refused(preview.refused));
  else ctx.print(t.keyFix.nothingToDo);
  ctx.print(t.dryRun.nothingSent);
  return preview.refused ? EXIT.usage : EXIT.ok;
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
