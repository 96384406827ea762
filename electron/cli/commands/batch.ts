// Batches from the command line: plan from a JSON file, apply (streaming one line per cluster
// as it moves on), list and show. Pausing and cancelling belong to the process applying the
// batch (the app's window); a CLI apply stopped with Ctrl-C is resumed by `batch apply --id`.
import type { z } from 'zod';
import type { BatchItem, BatchView, OperationView } from '../../contract';
import { GuardError } from '../../contract';
import { batchPlanSchema } from '../../contract/schemas';
import { EXIT } from '../exit-codes';
import type { ExitCode } from '../exit-codes';
import { findAccount, parseOptions, readJsonFile } from '../args';
import { table } from '../lookup';
import type { CommandContext, CommandSpec } from './types';

export const BATCH_USAGE = `Usage:
  ack-secret-guard batch plan --file PLAN.json [--json]
  ack-secret-guard batch apply --file PLAN.json [--concurrency N] [--json]
  ack-secret-guard batch apply --id BATCH_ID [--concurrency N] [--json]
  ack-secret-guard batch list [--json]
  ack-secret-guard batch show BATCH_ID [--json]

PLAN.json says which change to make and on which clusters of the fleet:
  {
    "action": "enable",                      "enable" or "disable"
    "keyId": "key-hzz6...",                  enable only: the KMS key: its id (key-... or a
                                             UUID), an alias (alias/..., resolved in each
                                             cluster's region) or its ARN
    "keys": [                                enable only: a key per account and region (a key
      { "accountId": "Retail",               belongs to one account and one region); wins
        "regionId": "cn-hangzhou",           over keyId for that pair
        "keyId": "alias/retail-hz" }
    ],
    "keyChoice": "recommended",              enable only: each other pair gets its recommended
                                             key (eligible, deletion protection on, not used
                                             elsewhere; exactly one, else "choose a key")
    "scope": {                               optional; each field narrows the plan
      "accountIds": ["Retail"],              account names or ids (see: accounts list)
      "regionIds": ["cn-hangzhou"],
      "clusterIds": ["c123..."],
      "onlyNotEncrypted": true               enable only: leave out encrypted clusters
    }
  }
plan runs every cluster's checklist and saves the plan: each cluster is ready, or skipped with
the reasons. apply plans (with --file) or takes a saved plan (--id), then changes the ready
clusters, N at once (default 3, at most 10), re-checking each right before its start and
waiting out a cluster's 5-minute cooldown. It prints a line per cluster as it moves on and
exits 0 when every ready cluster succeeded, 1 otherwise. Stopped midway (Ctrl-C, a crash),
it goes on where it was with: batch apply --id BATCH_ID (nothing is started twice).
`;

function parse(args: string[]) {
  return parseOptions(args, {
    file: { type: 'string' },
    id: { type: 'string' },
    concurrency: { type: 'string' },
    help: { type: 'boolean' },
  });
}

export type PlanFile = z.output<typeof batchPlanSchema>;

/** Reads and checks PLAN.json; every problem names the file, the field and what is wrong. */
export async function readPlanFile(ctx: CommandContext, file: string): Promise<PlanFile> {
  const plan = await readJsonFile(file, batchPlanSchema, 'plan');
  // Accounts by the names people know them by; the contract takes our account ids.
  if (plan.scope.accountIds) {
    const ids: string[] = [];
    for (const [i, nameOrId] of plan.scope.accountIds.entries()) {
      try {
        ids.push((await findAccount(ctx, nameOrId)).id);
      } catch {
        throw new GuardError(
          'validation',
          `${file}: scope.accountIds[${i}]: there is no account named "${nameOrId}" (see: ack-secret-guard accounts list).`,
        );
      }
    }
    plan.scope.accountIds = ids;
  }
  if (plan.keys) {
    for (const [i, entry] of plan.keys.entries()) {
      try {
        entry.accountId = (await findAccount(ctx, entry.accountId)).id;
      } catch {
        throw new GuardError(
          'validation',
          `${file}: keys[${i}].accountId: there is no account named "${entry.accountId}" (see: ack-secret-guard accounts list).`,
        );
      }
    }
  }
  return plan;
}

function verdict(item: BatchItem): string {
  return item.status === 'ready' ? (item.notes.length > 0 ? 'ready (waits)' : 'ready') : 'skipped';
}

/** Enable: which key each (account, region) gets, and where it came from. */
function printKeyMap(ctx: CommandContext, plan: BatchView): void {
  if (!plan.groups || plan.groups.length === 0) return;
  ctx.print(
    table(
      ['ACCOUNT', 'REGION', 'CLUSTERS', 'KEY', 'KEY ID', 'FROM'],
      plan.groups.map((g) => [
        g.accountName,
        g.regionId,
        String(g.clusters),
        g.keyRef ?? '-',
        g.keyId ?? '-',
        g.source === 'plan' ? 'keyId' : g.source === 'given' ? 'keys' : g.source,
      ]),
    ),
  );
  for (const g of plan.groups)
    if (g.reason) ctx.print(`  ${g.accountName} ${g.regionId}: ${g.reason}`);
  ctx.print('');
}

export function printPlan(ctx: CommandContext, plan: BatchView): void {
  const what =
    plan.action === 'disable'
      ? 'disable'
      : plan.keyId && !plan.groups?.some((g) => g.source !== 'plan')
        ? `enable with key ${plan.keyId}`
        : 'enable, a key per account and region';
  ctx.print(`Batch ${plan.batchId}: ${what}`);
  printKeyMap(ctx, plan);
  if (plan.items.length > 0) {
    ctx.print(
      table(
        [
          'CLUSTER',
          'NAME',
          'ACCOUNT',
          'REGION',
          'PLAN',
          ...(plan.action === 'enable' ? ['KEY'] : []),
        ],
        plan.items.map((i) => [
          i.clusterId,
          i.clusterName,
          i.accountName,
          i.regionId,
          verdict(i),
          // The key id each ready cluster gets (an alias names a different key in each region).
          ...(plan.action === 'enable' ? [i.keyId ?? '-'] : []),
        ]),
      ),
    );
  }
  for (const item of plan.items) {
    const lines = item.status === 'skipped' ? item.reasons : item.notes;
    if (lines.length === 0) continue;
    ctx.print(`\n${item.clusterName} (${item.clusterId}) ${verdict(item)}:`);
    for (const l of lines) ctx.print(`  - ${l}`);
  }
  for (const p of plan.problems) ctx.io.stderr.write(`not in the plan: ${p}\n`);
  ctx.print(`\n${plan.counts.ready} ready, ${plan.counts.skipped} skipped.`);
}

function itemLine(item: BatchItem, operation?: OperationView): string {
  const parts = [
    new Date().toISOString(),
    `${item.clusterName} (${item.clusterId})`,
    item.state,
    operation && item.state === 'running' ? `${operation.phase}` : '',
    operation?.clusterState && item.state === 'running' ? `cluster ${operation.clusterState}` : '',
    item.waitingUntil && item.state === 'pending'
      ? `waiting for the cooldown until ${item.waitingUntil}`
      : '',
    item.state === 'skipped' ? item.reasons.join('; ') : '',
    item.error && item.state === 'failed' ? item.error.message : '',
  ];
  return parts.filter((p) => p !== '').join('  ');
}

/** Applies a saved batch and streams its progress until it settles. */
async function applyAndFollow(
  ctx: CommandContext,
  batchId: string,
  concurrency: number | undefined,
): Promise<ExitCode> {
  const last = new Map<string, string>();
  const operations = new Map<string, OperationView>();
  const show = (item: BatchItem) => {
    const op = item.operationId ? operations.get(item.operationId) : undefined;
    const key = `${item.state}|${item.waitingUntil}|${op?.phase}|${op?.clusterState}`;
    if (last.get(item.clusterId) === key) return;
    last.set(item.clusterId, key);
    if (ctx.json) ctx.io.stdout.write(`${JSON.stringify({ batchId, item })}\n`);
    else ctx.print(itemLine(item, op));
  };
  let current: BatchView | null = null;
  const unsubscribe = ctx.core.events.subscribe((name, payload) => {
    if (name === 'batch.progress') {
      if (payload.batchId !== batchId) return;
      current = payload;
      for (const item of payload.items) if (item.status === 'ready') show(item);
    } else if (name === 'operation.progress') {
      operations.set(payload.operationId, payload);
      const item = current?.items.find((i) => i.operationId === payload.operationId);
      if (item) show(item);
    }
  });
  try {
    // Changes a previous run left unfinished are followed again, not restarted.
    await ctx.core.operations.resume();
    await ctx.core.api['batch.apply']({
      batchId,
      ...(concurrency !== undefined ? { concurrency } : {}),
    });
    const final = await ctx.core.batches.settled(batchId);
    if (ctx.json) ctx.printJson(final);
    else {
      const c = final.counts;
      ctx.print(
        `\nBatch ${batchId} ${final.state === 'ended' ? `ended: ${final.result}` : final.state}: ${c.succeeded} succeeded, ${c.failed} failed, ${c.skippedNow - c.skipped} skipped at start, ${c.cancelled} cancelled (of ${c.ready} ready; ${c.skipped} skipped by the plan).`,
      );
    }
    return final.state === 'ended' && final.result === 'succeeded' ? EXIT.ok : EXIT.failure;
  } finally {
    unsubscribe();
  }
}

function concurrencyOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10)
    throw new GuardError(
      'validation',
      `--concurrency must be a whole number from 1 to 10, not "${value}".`,
    );
  return n;
}

export const batchCommand: CommandSpec = {
  name: 'batch',
  async run(ctx) {
    const { values, positionals } = parse(ctx.args);
    const [sub, ...rest] = positionals;
    const usage = (): ExitCode => {
      (values.help ? ctx.io.stdout : ctx.io.stderr).write(BATCH_USAGE);
      return values.help ? EXIT.ok : EXIT.usage;
    };
    if (values.help || !sub) return usage();
    const concurrency = concurrencyOf(values.concurrency);

    if (sub === 'plan') {
      if (!values.file || values.id || rest.length > 0 || concurrency !== undefined) return usage();
      const request = await readPlanFile(ctx, values.file);
      const plan = await ctx.core.api['batch.plan'](request);
      if (ctx.json) ctx.printJson(plan);
      else {
        printPlan(ctx, plan);
        ctx.print(`Apply it with: ack-secret-guard batch apply --id ${plan.batchId}`);
      }
      return EXIT.ok;
    }

    if (sub === 'apply') {
      if (Boolean(values.file) === Boolean(values.id) || rest.length > 0) return usage();
      let batchId = values.id;
      if (values.file) {
        const plan = await ctx.core.api['batch.plan'](await readPlanFile(ctx, values.file));
        if (ctx.json) ctx.io.stdout.write(`${JSON.stringify(plan)}\n`);
        else {
          printPlan(ctx, plan);
          ctx.print('');
        }
        batchId = plan.batchId;
      }
      return applyAndFollow(ctx, batchId!, concurrency);
    }

    if (sub === 'list') {
      if (rest.length > 0 || values.file || values.id) return usage();
      const { batches, problems } = await ctx.core.api['batch.list']({});
      for (const p of problems) ctx.io.stderr.write(`batches: ${p}\n`);
      if (ctx.json) ctx.printJson({ batches, problems });
      else
        ctx.print(
          table(
            ['BATCH', 'CREATED', 'ACTION', 'KEY', 'STATE', 'READY', 'SUCCEEDED', 'FAILED'],
            batches.map((b) => [
              b.batchId,
              b.createdAt,
              b.action,
              b.keyId ?? '',
              b.state === 'ended' ? `ended: ${b.result}` : b.state,
              String(b.counts.ready),
              String(b.counts.succeeded),
              String(b.counts.failed),
            ]),
          ),
        );
      return EXIT.ok;
    }

    if (sub === 'show') {
      const batchId = rest[0] ?? values.id;
      if (!batchId || rest.length > 1 || values.file) return usage();
      const view = await ctx.core.api['batch.get']({ batchId });
      if (ctx.json) ctx.printJson(view);
      else {
        printPlan(ctx, view);
        ctx.print(`State: ${view.state === 'ended' ? `ended: ${view.result}` : view.state}`);
        for (const item of view.items.filter((i) => i.status === 'ready'))
          ctx.print(itemLine(item));
      }
      return EXIT.ok;
    }
    return usage();
  },
};
