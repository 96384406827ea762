// Proof and record: verify (ActionTrail receipt) and audit (the local audit log).
import { writeFile } from 'node:fs/promises';
import { GuardError } from '../../contract';
import { EXIT } from '../exit-codes';
import { findAccount, parseOptions, UsageError } from '../args';
import { usageLine } from '../help';
import { resolveCluster, table } from '../lookup';
import { localTime, sinceInstant } from '../time-text';
import type { CommandSpec } from './types';

export const verifyCommand: CommandSpec = {
  name: 'verify',
  async run(ctx) {
    const { values, positionals } = parseOptions(ctx.args, {
      receipt: { type: 'string' },
      account: { type: 'string' },
    });
    const ref = positionals[0];
    if (!ref || positionals.length > 1) throw new UsageError(usageLine(ctx.t, 'verify'));
    const account = values.account ? await findAccount(ctx, values.account) : null;
    const target = await resolveCluster(ctx, ref, account);
    const report = await ctx.core.api['verify.run']({
      clusterId: target.clusterId,
      ...(target.accountId ? { accountId: target.accountId } : {}),
    });
    const w = ctx.t.receipt;
    // The readable receipt in the user's language (a saved .txt file too); JSON never changes.
    const text = w.text(report.receipt.json, report.receipt.text);
    if (values.receipt) {
      const content = values.receipt.endsWith('.json')
        ? `${JSON.stringify(report.receipt.json, null, 2)}\n`
        : text;
      try {
        await writeFile(values.receipt, content, { flag: 'wx', mode: 0o644 });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new GuardError(
          'storage',
          code === 'EEXIST' ? w.exists(values.receipt) : w.cannotWrite(values.receipt, code ?? '?'),
        );
      }
    }
    if (ctx.json) ctx.printJson(report);
    else {
      ctx.print(text.trimEnd());
      if (values.receipt) ctx.print(`\n${w.saved(values.receipt)}`);
    }
    return report.result.status === 'verified'
      ? EXIT.ok
      : report.result.status === 'pending'
        ? EXIT.ok
        : EXIT.failure;
  },
};

export const auditCommand: CommandSpec = {
  name: 'audit',
  async run(ctx) {
    const { values, positionals } = parseOptions(ctx.args, {
      account: { type: 'string' },
      cluster: { type: 'string' },
      since: { type: 'string' },
      limit: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(usageLine(ctx.t, 'audit'));
    const since = values.since === undefined ? undefined : sinceInstant(values.since, Date.now());
    if (since === null) throw new UsageError(ctx.t.since.invalid(values.since!));
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    const account = values.account ? await findAccount(ctx, values.account) : null;
    // The audit log is local: a name is looked up in the last snapshot only (no cloud call);
    // anything else is taken as an id (a cluster deleted since is still in the log).
    const cluster = values.cluster
      ? await resolveCluster(ctx, values.cluster, account, { refresh: false })
      : null;
    const { entries, problems } = await ctx.core.api['audit.list']({
      ...(account ? { accountId: account.id } : {}),
      ...(cluster ? { clusterId: cluster.clusterId } : {}),
      ...(since ? { since } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
    for (const p of problems) ctx.io.stderr.write(`${ctx.t.auditLog}: ${p}\n`);
    const h = ctx.t.head;
    if (ctx.json) ctx.printJson({ entries, problems });
    else
      ctx.print(
        table(
          [h.time, h.account, h.cluster, h.action, h.phase, h.result, h.requestId],
          entries.map((e) => [
            localTime(e.time),
            e.accountName,
            e.clusterName ?? e.clusterId ?? '-',
            e.action,
            ctx.t.auditText.phase[e.phase] ?? e.phase,
            (ctx.t.auditText.result[e.result] ?? e.result) + (e.error ? ` (${e.error.code})` : ''),
            e.requestId ?? '-',
          ]),
        ),
      );
    return EXIT.ok;
  },
};
