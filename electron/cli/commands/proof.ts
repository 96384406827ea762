// Proof and record: verify (ActionTrail receipt) and audit (the local audit log).
import { writeFile } from 'node:fs/promises';
import { GuardError } from '../../contract';
import { EXIT } from '../exit-codes';
import { findAccount, parseOptions } from '../args';
import { table } from '../lookup';
import type { CommandSpec } from './types';

export const verifyCommand: CommandSpec = {
  name: 'verify',
  async run(ctx) {
    const { values, positionals } = parseOptions(ctx.args, {
      receipt: { type: 'string' },
      account: { type: 'string' },
      help: { type: 'boolean' },
    });
    const clusterId = positionals[0];
    if (values.help || !clusterId || positionals.length > 1) {
      (values.help ? ctx.io.stdout : ctx.io.stderr).write(
        'Usage: ack-secret-guard verify CLUSTER_ID [--receipt FILE] [--account NAME] [--json]\n',
      );
      return values.help ? EXIT.ok : EXIT.usage;
    }
    const account = values.account ? await findAccount(ctx, values.account) : null;
    const report = await ctx.core.api['verify.run']({
      clusterId,
      ...(account ? { accountId: account.id } : {}),
    });
    if (values.receipt) {
      // JSON for a .json file, readable text otherwise.
      const content = values.receipt.endsWith('.json')
        ? `${JSON.stringify(report.receipt.json, null, 2)}\n`
        : report.receipt.text;
      try {
        await writeFile(values.receipt, content, { flag: 'wx', mode: 0o644 });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new GuardError(
          'storage',
          code === 'EEXIST'
            ? `${values.receipt} exists already; choose another file name.`
            : `Cannot write ${values.receipt} (${code ?? 'error'}).`,
        );
      }
    }
    if (ctx.json) ctx.printJson(report);
    else {
      ctx.print(report.receipt.text.trimEnd());
      if (values.receipt) ctx.print(`\nreceipt saved to ${values.receipt}`);
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
      help: { type: 'boolean' },
    });
    if (values.help || positionals.length > 0) {
      (values.help ? ctx.io.stdout : ctx.io.stderr).write(
        'Usage: ack-secret-guard audit [--account NAME] [--cluster ID] [--since ISO8601] [--limit N] [--json]\n',
      );
      return values.help ? EXIT.ok : EXIT.usage;
    }
    const account = values.account ? await findAccount(ctx, values.account) : null;
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    const { entries, problems } = await ctx.core.api['audit.list']({
      ...(account ? { accountId: account.id } : {}),
      ...(values.cluster ? { clusterId: values.cluster } : {}),
      ...(values.since ? { since: values.since } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
    for (const p of problems) ctx.io.stderr.write(`audit log: ${p}\n`);
    if (ctx.json) ctx.printJson({ entries, problems });
    else
      ctx.print(
        table(
          ['TIME', 'ACCOUNT', 'CLUSTER', 'ACTION', 'PHASE', 'RESULT', 'REQUEST ID'],
          entries.map((e) => [
            e.time,
            e.accountName,
            e.clusterName ?? e.clusterId ?? '-',
            e.action,
            e.phase,
            e.result + (e.error ? ` (${e.error.code})` : ''),
            e.requestId ?? '-',
          ]),
        ),
      );
    return EXIT.ok;
  },
};
