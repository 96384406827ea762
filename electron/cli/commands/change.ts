// Changes: enable, disable, and status (with --wait streaming progress until the change ends).
// A cluster is named by id or name (lookup.ts); disable asks for the cluster name on a
// terminal (or --yes); --dry-run runs the checklist and prints the request, sending nothing.
import type { OperationView } from '../../contract';
import { GuardError } from '../../contract';
import { EXIT } from '../exit-codes';
import type { ExitCode } from '../exit-codes';
import { findAccount, parseOptions, UsageError } from '../args';
import { atTerminal, confirm } from '../confirm';
import { usageLine } from '../help';
import type { HelpTopic } from '../help-topics';
import { encryptionRequest, requestText } from '../dry-run';
import { followChange, progressLine } from '../follow';
import { resolveCluster } from '../lookup';
import { printChecklist } from './fleet';
import type { CommandContext, CommandSpec } from './types';

function parse(args: string[]) {
  return parseOptions(args, {
    wait: { type: 'boolean' },
    account: { type: 'string' },
    key: { type: 'string' },
    yes: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  });
}

/** Not ended yet is fine (it goes on being followed); ended is fine only when it succeeded. */
function exitFor(view: OperationView): ExitCode {
  if (view.phase !== 'ended') return EXIT.ok;
  return view.outcome === 'succeeded' ? EXIT.ok : EXIT.failure;
}

function usageError(ctx: CommandContext, topic: HelpTopic): never {
  throw new UsageError(usageLine(ctx.t, topic));
}

async function change(ctx: CommandContext, action: 'enable' | 'disable'): Promise<ExitCode> {
  const { values, positionals } = parse(ctx.args);
  const ref = positionals[0];
  if (!ref || positionals.length > 1 || (action === 'enable') !== Boolean(values.key))
    usageError(ctx, action);
  if (action === 'enable' && values.yes) usageError(ctx, action);
  const dryRun = values['dry-run'] === true;
  const t = ctx.t;
  // Refuse before any cloud call when nobody can confirm.
  if (action === 'disable' && !dryRun && !values.yes && !atTerminal(ctx))
    throw new GuardError('validation', t.confirm.noTerminal(t.confirm.what.disable));
  const account = values.account ? await findAccount(ctx, values.account) : null;
  const target = await resolveCluster(ctx, ref, account, { fresh: !dryRun });
  const input = {
    clusterId: target.clusterId,
    ...(target.accountId ? { accountId: target.accountId } : {}),
  };

  if (dryRun) {
    const list = await ctx.core.api['checks.run']({
      ...input,
      action,
      ...(values.key ? { keyId: values.key } : {}),
    });
    const request = encryptionRequest(list);
    if (ctx.json) ctx.printJson({ dryRun: true, sent: false, checklist: list, request });
    else {
      printChecklist(ctx, list);
      ctx.print(`\n${list.ready ? t.dryRun.header : t.dryRun.notReady}\n${requestText(request)}`);
      ctx.print(t.dryRun.nothingSent);
    }
    return list.ready ? EXIT.ok : EXIT.notReady;
  }

  if (action === 'disable' && !values.yes) {
    // The checklist before the question: nobody types a cluster name only to read "not ready".
    // Not ready is refused here, without asking; the core runs it again before it sends.
    const list = await ctx.core.api['checks.run']({ ...input, action });
    if (!ctx.json) printChecklist(ctx, list);
    if (!list.ready)
      throw new GuardError('checklist-not-ready', t.disableChecklist.notReady, { checklist: list });
    const name = target.cluster?.name ?? (await ctx.core.api['fleet.cluster'](input)).name;
    const answer = await confirm(ctx, {
      yes: false,
      question: t.confirm.disable(name, target.clusterId),
      expected: name,
    });
    if (answer === 'no-terminal')
      throw new GuardError('validation', t.confirm.noTerminal(t.confirm.what.disable));
    if (answer === 'declined') {
      ctx.io.stderr.write(`${t.confirm.declined}\n`);
      return EXIT.usage;
    }
  }

  let view: OperationView;
  try {
    view =
      action === 'enable'
        ? await ctx.core.api['encryption.enable']({ ...input, keyId: String(values.key) })
        : await ctx.core.api['encryption.disable'](input);
  } catch (error) {
    const checklist = error instanceof GuardError ? error.details?.checklist : undefined;
    if (checklist && !ctx.json) printChecklist(ctx, checklist as never);
    throw error;
  }
  const asked = typeof values.key === 'string' ? values.key : null;
  if (!ctx.json && asked && view.keyId && asked !== view.keyId)
    ctx.print(t.change.aliasSent(asked, view.keyId, view.regionId));
  if (!values.wait) {
    if (ctx.json) ctx.printJson(view);
    else
      ctx.print(
        `${progressLine(ctx.t, view, Date.now())}\n${t.change.followHint(view.requestId, target.clusterId)}`,
      );
    return EXIT.ok;
  }
  return followChange(ctx, view);
}

export const enableCommand: CommandSpec = {
  name: 'enable',
  run: (ctx) => change(ctx, 'enable'),
};

export const disableCommand: CommandSpec = {
  name: 'disable',
  run: (ctx) => change(ctx, 'disable'),
};

export const statusCommand: CommandSpec = {
  name: 'status',
  async run(ctx) {
    const { values, positionals } = parseOptions(ctx.args, {
      wait: { type: 'boolean' },
      account: { type: 'string' },
    });
    const ref = positionals[0];
    if (!ref || positionals.length > 1) usageError(ctx, 'status');
    const t = ctx.t;
    const account = values.account ? await findAccount(ctx, values.account) : null;
    const target = await resolveCluster(ctx, ref!, account);
    const clusterId = target.clusterId;
    // Pick up a change another process left unfinished (a crash, a closed laptop).
    await ctx.core.operations.resume();
    const { operations, problems } = await ctx.core.api['operations.list']({ clusterId });
    for (const p of problems) ctx.io.stderr.write(`${t.status.journal}: ${p}\n`);
    const latest = operations[0];
    if (!latest) {
      // Nothing recorded here: say what the cluster is now (found in the cloud if need be; an id
      // no account has is a cloud error, exit 4).
      const cluster = await ctx.core.api['fleet.cluster']({
        clusterId,
        ...(target.accountId ? { accountId: target.accountId } : {}),
      });
      const encryption = cluster.encryption.enabled
        ? t.status.onWithKey(cluster.encryption.keyId)
        : cluster.encryption.enabled === false
          ? t.encryption.off
          : t.encryption.unknown;
      if (ctx.json)
        ctx.printJson({
          clusterId,
          operation: null,
          cluster: {
            name: cluster.name,
            account: cluster.accountName,
            regionId: cluster.regionId,
            edition: cluster.edition,
            state: cluster.state,
            encryption: { enabled: cluster.encryption.enabled, keyId: cluster.encryption.keyId },
          },
        });
      else
        ctx.print(
          t.status.nothingRecorded(
            cluster.name,
            clusterId,
            cluster.edition,
            cluster.regionId,
            cluster.accountName,
            t.clusterState[cluster.state] ?? cluster.state,
            encryption,
          ),
        );
      return EXIT.ok;
    }
    if (values.wait && latest.phase !== 'ended') return followChange(ctx, latest);
    if (ctx.json) ctx.printJson(latest);
    else ctx.print(progressLine(t, latest, Date.now()));
    return exitFor(latest);
  },
};
