// Changes: enable, disable, and status (with --wait streaming progress until the change ends).
import type { OperationView } from '../../contract';
import { GuardError, KEY_REF_FORMS } from '../../contract';
import { EXIT } from '../exit-codes';
import type { ExitCode } from '../exit-codes';
import { findAccount, parseOptions } from '../args';
import { followChange, progressLine } from '../follow';
import { printChecklist } from './fleet';
import type { CommandContext, CommandSpec } from './types';

function parse(args: string[]) {
  return parseOptions(args, {
    wait: { type: 'boolean' },
    account: { type: 'string' },
    key: { type: 'string' },
    help: { type: 'boolean' },
  });
}

/** Not ended yet is fine (it goes on being followed); ended is fine only when it succeeded. */
function exitFor(view: OperationView): ExitCode {
  if (view.phase !== 'ended') return EXIT.ok;
  return view.outcome === 'succeeded' ? EXIT.ok : EXIT.failure;
}

async function change(ctx: CommandContext, action: 'enable' | 'disable'): Promise<ExitCode> {
  const { values, positionals } = parse(ctx.args);
  const clusterId = positionals[0];
  const usage = `Usage: ack-secret-guard ${action} CLUSTER_ID${action === 'enable' ? ' --key KEY' : ''} [--account NAME] [--wait] [--json]\n${action === 'enable' ? `  KEY: ${KEY_REF_FORMS}\n` : ''}`;
  if (
    values.help ||
    !clusterId ||
    positionals.length > 1 ||
    (action === 'enable') !== Boolean(values.key)
  ) {
    (values.help ? ctx.io.stdout : ctx.io.stderr).write(usage);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const account =
    typeof values.account === 'string' ? await findAccount(ctx, values.account) : null;
  const input = { clusterId, ...(account ? { accountId: account.id } : {}) };
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
    ctx.print(`key ${asked} is ${view.keyId} in ${view.regionId}; sent the key id.`);
  if (!values.wait) {
    if (ctx.json) ctx.printJson(view);
    else
      ctx.print(
        `${progressLine(view, Date.now())}\nrequest id ${view.requestId ?? '(none)'}; follow it with: ack-secret-guard status ${clusterId} --wait`,
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
    const { values, positionals } = parse(ctx.args);
    const clusterId = positionals[0];
    if (values.help || !clusterId || positionals.length > 1) {
      (values.help ? ctx.io.stdout : ctx.io.stderr).write(
        'Usage: ack-secret-guard status CLUSTER_ID [--account NAME] [--wait] [--json]\n',
      );
      return values.help ? EXIT.ok : EXIT.usage;
    }
    // Pick up a change another process left unfinished (a crash, a closed laptop).
    await ctx.core.operations.resume();
    const { operations, problems } = await ctx.core.api['operations.list']({ clusterId });
    for (const p of problems) ctx.io.stderr.write(`journal: ${p}\n`);
    const latest = operations[0];
    if (!latest) {
      // Nothing recorded here: say what the cluster is now (found in the cloud if need be; an id
      // no account has is a cloud error, exit 4).
      const account =
        typeof values.account === 'string' ? await findAccount(ctx, values.account) : null;
      const cluster = await ctx.core.api['fleet.cluster']({
        clusterId,
        ...(account ? { accountId: account.id } : {}),
      });
      const encryption = cluster.encryption.enabled
        ? `on with key ${cluster.encryption.keyId ?? '(unknown)'}`
        : cluster.encryption.enabled === false
          ? 'off'
          : 'unknown';
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
          `No change of ${cluster.name} (${clusterId}) is recorded. ${cluster.edition} cluster in ${cluster.regionId} (${cluster.accountName}), ${cluster.state}; Secret encryption ${encryption}.`,
        );
      return EXIT.ok;
    }
    if (values.wait && latest.phase !== 'ended') return followChange(ctx, latest);
    if (ctx.json) ctx.printJson(latest);
    else ctx.print(progressLine(latest, Date.now()));
    return exitFor(latest);
  },
};
