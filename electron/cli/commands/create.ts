// clusters create --file SPEC.json [--dry-run] [--wait] [--yes] [--json]: a new ACK Edge Pro
// cluster with Secret encryption. The preflight always runs first; --dry-run prints it with the
// exact body, the Terraform block and the aliyun CLI command, and sends nothing. A real create
// asks for the cluster name to be typed on a terminal, or needs --yes.
import type { ClusterSpecInput, CreatePreflight } from '../../contract';
import { GuardError, checkFixText, checkSummaryText } from '../../contract';
import { clusterSpecInputSchema } from '../../contract/provision-spec';
import { parseOptions, readJsonFile, UsageError } from '../args';
import { atTerminal, confirm } from '../confirm';
import { creationLine, followCreation } from '../follow';
import { usageLine } from '../help';
import { EXIT } from '../exit-codes';
import type { ExitCode } from '../exit-codes';
import type { CommandContext, CommandSpec } from './types';

/** Reads and checks SPEC.json; every problem names the field and what is wrong. */
export function readSpecFile(file: string): Promise<ClusterSpecInput> {
  return readJsonFile(file, clusterSpecInputSchema, 'spec');
}

function printPreflight(ctx: CommandContext, p: CreatePreflight): void {
  const { t, lang } = ctx;
  ctx.print(t.createText.header(p.spec.name, p.spec.regionId, p.accountName, p.keyId, p.ready));
  for (const c of p.checks) {
    ctx.print(
      `  [${t.mark[c.status] ?? c.status}] ${c.id.padEnd(24)} ${checkSummaryText(c, lang)}`,
    );
    if (c.status !== 'pass' && c.fix)
      ctx.print(
        `         ${t.check.fix}: ${checkFixText(c, lang)}${c.fix.consoleUrl ? ` (${c.fix.consoleUrl})` : ''}`,
      );
  }
}

function printRequest(ctx: CommandContext, p: CreatePreflight): void {
  const w = ctx.t.createText;
  ctx.print(`\n${w.body}`);
  ctx.print(JSON.stringify(p.request.body, null, 2));
  ctx.print(`\n${w.terraform}`);
  ctx.print(p.request.terraform);
  ctx.print(w.aliyunCli);
  ctx.print(p.request.aliyunCli);
}

/** `--resume [CREATION_ID]`: follow a creation this or another process started (after Ctrl-C). */
async function resume(ctx: CommandContext, creationId: string | undefined): Promise<ExitCode> {
  await ctx.core.provision.resume();
  const { creations } = await ctx.core.api['creations.list']({});
  const open = creations.filter((c) => c.phase !== 'ended');
  const found = creationId
    ? creations.find((c) => c.creationId === creationId)
    : open.length === 1
      ? open[0]
      : undefined;
  if (!found)
    throw new GuardError(
      'not-found',
      creationId
        ? ctx.t.createText.noCreation(creationId)
        : ctx.t.createText.nameOne(
            open.length,
            open.map((c) => `${c.creationId} ${c.name}`).join(', '),
          ),
    );
  if (found.phase === 'ended') {
    if (ctx.json) ctx.printJson(found);
    else ctx.print(creationLine(ctx.t, found, Date.now()));
    return found.outcome === 'verified' || found.outcome === 'encrypted' ? EXIT.ok : EXIT.failure;
  }
  return followCreation(ctx, found);
}

export const createCommand: CommandSpec = {
  name: 'clusters create',
  async run(ctx) {
    const { values, positionals } = parseOptions(ctx.args, {
      file: { type: 'string' },
      'dry-run': { type: 'boolean' },
      wait: { type: 'boolean' },
      yes: { type: 'boolean' },
      resume: { type: 'boolean' },
    });
    if (values.resume) {
      if (values.file || positionals.length > 1)
        throw new UsageError(usageLine(ctx.t, 'clusters create'));
      return resume(ctx, positionals[0]);
    }
    if (positionals.length > 0)
      throw new UsageError(ctx.t.createText.extraArgs(positionals.join(' ')));
    if (!values.file) throw new UsageError(usageLine(ctx.t, 'clusters create'));
    const spec = await readSpecFile(values.file);
    const preflight = await ctx.core.api['clusters.createPreflight']({ spec });
    if (values['dry-run']) {
      if (ctx.json) ctx.printJson({ dryRun: true, sent: false, ...preflight });
      else {
        printPreflight(ctx, preflight);
        printRequest(ctx, preflight);
        ctx.print(`\n${ctx.t.dryRun.nothingSent}`);
      }
      return preflight.ready ? EXIT.ok : EXIT.notReady;
    }
    if (!preflight.ready) {
      if (ctx.json) ctx.printJson(preflight);
      else printPreflight(ctx, preflight);
      return EXIT.notReady;
    }
    if (!values.yes) {
      if (!atTerminal(ctx))
        throw new GuardError('validation', ctx.t.confirm.noTerminal(ctx.t.confirm.what.create));
      if (!ctx.json) printPreflight(ctx, preflight);
      const answer = await confirm(ctx, {
        yes: false,
        question: ctx.t.confirm.create(preflight.spec.name),
        expected: preflight.spec.name,
      });
      if (answer !== 'yes') {
        ctx.io.stderr.write(`${ctx.t.create.nameMismatch}\n`);
        return EXIT.usage;
      }
    }
    // The spec as checked (with its defaults), so the cloud gets what was shown.
    const checked = { ...preflight.spec, account: preflight.accountId };
    const started = await ctx.core.api['clusters.create']({
      spec: checked,
      confirmName: preflight.spec.name,
    });
    if (!values.wait) {
      if (ctx.json) ctx.printJson(started);
      else ctx.print(creationLine(ctx.t, started, Date.now()));
      return EXIT.ok;
    }
    if (ctx.json) ctx.io.stdout.write(`${JSON.stringify(started)}\n`);
    else ctx.print(creationLine(ctx.t, started, Date.now()));
    return followCreation(ctx, started);
  },
};
