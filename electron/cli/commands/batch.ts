// Batches from the command line: plan from a JSON file, apply (streaming one line per cluster
// as it moves on), list and show. Pausing and cancelling belong to the process applying the
// batch (the app's window); a CLI apply stopped with Ctrl-C is resumed by `batch apply --id`.
import type { BatchItem, BatchView, OperationView } from '../../contract';
import { GuardError, sentencesText } from '../../contract';
import { EXIT } from '../exit-codes';
import type { ExitCode } from '../exit-codes';
import { parseOptions, UsageError } from '../args';
import { atTerminal, confirm } from '../confirm';
import { readPlanFile } from './plan-file';
import { encryptionRequest, requestText } from '../dry-run';
import { usageLine } from '../help';
import { HELP_TOPICS } from '../help-topics';
import type { HelpTopic } from '../help-topics';
import type { CliText } from '../i18n';
import { table } from '../lookup';
import { localTime } from '../time-text';
import type { CommandContext, CommandSpec } from './types';

function parse(args: string[]) {
  return parseOptions(args, {
    file: { type: 'string' },
    id: { type: 'string' },
    concurrency: { type: 'string' },
    yes: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  });
}

function verdict(t: CliText, item: BatchItem): string {
  const v = t.batch.verdict;
  return item.status === 'ready' ? (item.notes.length > 0 ? v.waits : v.ready) : v.skipped;
}

/** Enable: which key each (account, region) gets, and where it came from. */
function printKeyMap(ctx: CommandContext, plan: BatchView): void {
  if (!plan.groups || plan.groups.length === 0) return;
  ctx.print(
    table(
      ctx.t.batch.keyMapHead,
      plan.groups.map((g) => [
        g.accountName,
        g.regionId,
        String(g.clusters),
        g.keyRef ?? '-',
        g.keyId ?? '-',
        ctx.t.batchText.source[g.source] ?? g.source,
      ]),
    ),
  );
  for (const g of plan.groups)
    if (g.reason)
      ctx.print(
        `  ${g.accountName} ${g.regionId}: ${sentencesText(g.reason, g.reasonMessages, ctx.lang)}`,
      );
  ctx.print('');
}

export function printPlan(ctx: CommandContext, plan: BatchView): void {
  const t = ctx.t;
  const h = t.head;
  const what =
    plan.action === 'disable'
      ? t.batch.disable
      : plan.keyId && !plan.groups?.some((g) => g.source !== 'plan')
        ? t.batch.enableWith(plan.keyId)
        : t.batch.enablePerGroup;
  ctx.print(t.batch.header(plan.batchId, what));
  printKeyMap(ctx, plan);
  if (plan.items.length > 0) {
    ctx.print(
      table(
        [
          h.cluster,
          h.name,
          h.account,
          h.region,
          h.plan,
          ...(plan.action === 'enable' ? [h.key] : []),
        ],
        plan.items.map((i) => [
          i.clusterId,
          i.clusterName,
          i.accountName,
          i.regionId,
          verdict(t, i),
          // The key id each ready cluster gets (an alias names a different key in each region).
          ...(plan.action === 'enable' ? [i.keyId ?? '-'] : []),
        ]),
      ),
    );
  }
  for (const item of plan.items) {
    const lines = item.status === 'skipped' ? reasonLines(ctx, item) : noteLines(ctx, item);
    if (lines.length === 0) continue;
    ctx.print(`\n${item.clusterName} (${item.clusterId}) ${verdict(t, item)}:`);
    for (const l of lines) ctx.print(`  - ${l}`);
  }
  for (const [i, p] of plan.problems.entries())
    ctx.io.stderr.write(
      `${t.batch.notInPlan(sentencesText(p, plan.problemMessages?.[i], ctx.lang))}\n`,
    );
  ctx.print(`\n${t.batch.counts(plan.counts.ready, plan.counts.skipped)}`);
}

/** `--dry-run`: the request each ready cluster would get; nothing is sent. */
function printDryRun(ctx: CommandContext, plan: BatchView): void {
  const requests = plan.items
    .filter((i) => i.status === 'ready')
    .map((i) => ({
      clusterId: i.clusterId,
      request: encryptionRequest({
        clusterId: i.clusterId,
        regionId: i.regionId,
        action: plan.action,
        keyId: i.keyId ?? null,
      }),
    }));
  if (ctx.json) {
    ctx.printJson({ dryRun: true, sent: false, batchId: plan.batchId, requests });
    return;
  }
  ctx.print(`\n${ctx.t.dryRun.header}`);
  for (const [n, r] of requests.entries()) {
    const item = plan.items.find((i) => i.clusterId === r.clusterId)!;
    ctx.print(
      `${n + 1}. ${ctx.t.dryRun.batchItem(item.clusterName, item.clusterId)}\n${requestText(r.request)}`,
    );
  }
  ctx.print(ctx.t.dryRun.nothingSent);
}

/** Shows the plan (text) and asks for the number of ready clusters; 'yes' to go on. */
async function confirmBatch(
  ctx: CommandContext,
  plan: BatchView,
  yes: boolean,
): Promise<'yes' | 'declined' | 'no-terminal'> {
  return confirm(ctx, {
    yes,
    question: ctx.t.confirm.batch(
      ctx.t.check.action[plan.action] ?? plan.action,
      plan.counts.ready,
    ),
    expected: String(plan.counts.ready),
  });
}

/** "ended: succeeded", "applying": a batch's state in the user's words. */
function batchStateText(t: CliText, view: Pick<BatchView, 'state' | 'result'>): string {
  const w = t.batchText;
  return view.state === 'ended'
    ? w.ended(w.result[view.result ?? ''] ?? String(view.result))
    : (w.state[view.state] ?? view.state);
}

/** An item's reasons and notes in the CLI's language (the English text of older batches). */
const reasonLines = (ctx: CommandContext, item: BatchItem) =>
  item.reasons.map((r, i) => sentencesText(r, item.reasonMessages?.[i], ctx.lang));
const noteLines = (ctx: CommandContext, item: BatchItem) =>
  item.notes.map((n, i) => sentencesText(n, item.noteMessages?.[i], ctx.lang));

function itemLine(ctx: CommandContext, item: BatchItem, operation?: OperationView): string {
  const t = ctx.t;
  const running = item.state === 'running';
  const parts = [
    localTime(Date.now()),
    `${item.clusterName} (${item.clusterId})`,
    t.batchText.itemState[item.state] ?? item.state,
    operation && running ? (t.follow.phase[operation.phase] ?? operation.phase) : '',
    operation?.clusterState && running
      ? t.follow.cluster(t.clusterState[operation.clusterState] ?? operation.clusterState)
      : '',
    item.waitingUntil && item.state === 'pending'
      ? t.batch.waitingCooldown(localTime(item.waitingUntil))
      : '',
    item.state === 'skipped' ? reasonLines(ctx, item).join(ctx.lang === 'en' ? '; ' : '；') : '',
    item.error && item.state === 'failed'
      ? sentencesText(item.error.message, item.error.messages, ctx.lang)
      : '',
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
    else ctx.print(itemLine(ctx, item, op));
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
        ctx.t.batch.final(
          batchId,
          batchStateText(ctx.t, final),
          {
            succeeded: c.succeeded,
            failed: c.failed,
            atStart: c.skippedNow - c.skipped,
            cancelled: c.cancelled,
          },
          c.ready,
          c.skipped,
        ),
      );
    }
    return final.state === 'ended' && final.result === 'succeeded' ? EXIT.ok : EXIT.failure;
  } finally {
    unsubscribe();
  }
}

function concurrencyOf(t: CliText, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10)
    throw new GuardError('validation', t.batchText.concurrency(value));
  return n;
}

export const batchCommand: CommandSpec = {
  name: 'batch',
  async run(ctx) {
    const { values, positionals } = parse(ctx.args);
    const [sub, ...rest] = positionals;
    const t = ctx.t;
    function usage(): never {
      const topic = `batch ${sub}`;
      throw new UsageError(
        usageLine(
          t,
          (HELP_TOPICS as readonly string[]).includes(topic) ? (topic as HelpTopic) : 'batch',
        ),
      );
    }
    if (!sub) usage();
    const concurrency = concurrencyOf(t, values.concurrency);
    const dryRun = values['dry-run'] === true;
    if (sub !== 'apply' && (values.yes || dryRun)) usage();

    if (sub === 'plan') {
      if (!values.file || values.id || rest.length > 0 || concurrency !== undefined) usage();
      const request = await readPlanFile(ctx, values.file);
      const plan = await ctx.core.api['batch.plan'](request);
      if (ctx.json) ctx.printJson(plan);
      else {
        printPlan(ctx, plan);
        // Only a plan with something to do suggests applying it.
        ctx.print(plan.counts.ready > 0 ? t.batch.applyHint(plan.batchId) : t.batch.nothingReady);
      }
      return plan.counts.ready > 0 ? EXIT.ok : EXIT.notReady;
    }

    if (sub === 'apply') {
      if (Boolean(values.file) === Boolean(values.id) || rest.length > 0) usage();
      // Nobody can confirm: refuse before planning or calling anything.
      if (!values.yes && !dryRun && !atTerminal(ctx))
        throw new GuardError('validation', t.confirm.noTerminal(t.confirm.what.batch));
      const plan = values.file
        ? await ctx.core.api['batch.plan'](await readPlanFile(ctx, values.file))
        : await ctx.core.api['batch.get']({ batchId: values.id! });
      if (ctx.json) ctx.io.stdout.write(`${JSON.stringify(plan)}\n`);
      else printPlan(ctx, plan);
      if (plan.counts.ready === 0) {
        if (!ctx.json) ctx.print(t.batch.nothingReady);
        return EXIT.notReady;
      }
      if (dryRun) {
        printDryRun(ctx, plan);
        return EXIT.ok;
      }
      if (!ctx.json) ctx.print('');
      const answer = await confirmBatch(ctx, plan, values.yes === true);
      if (answer !== 'yes') {
        ctx.io.stderr.write(
          answer === 'no-terminal'
            ? `${t.confirm.noTerminal(t.confirm.what.batch)}\n`
            : `${t.confirm.declined} ${t.batch.applyHint(plan.batchId)}\n`,
        );
        return EXIT.usage;
      }
      return applyAndFollow(ctx, plan.batchId, concurrency);
    }

    if (sub === 'list') {
      if (rest.length > 0 || values.file || values.id) usage();
      const { batches, problems } = await ctx.core.api['batch.list']({});
      for (const p of problems) ctx.io.stderr.write(`${t.head.batch}: ${p}\n`);
      if (ctx.json) ctx.printJson({ batches, problems });
      else
        ctx.print(
          table(
            [
              t.head.batch,
              t.head.created,
              t.head.action,
              t.head.key,
              t.head.state,
              t.head.ready,
              t.head.succeeded,
              t.head.failed,
            ],
            batches.map((b) => [
              b.batchId,
              localTime(b.createdAt),
              t.check.action[b.action] ?? b.action,
              b.keyId ?? '',
              batchStateText(t, b),
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
      if (!batchId || rest.length > 1 || values.file) usage();
      const view = await ctx.core.api['batch.get']({ batchId });
      if (ctx.json) ctx.printJson(view);
      else {
        printPlan(ctx, view);
        ctx.print(t.batch.state(batchStateText(t, view)));
        for (const item of view.items.filter((i) => i.status === 'ready'))
          ctx.print(itemLine(ctx, item));
      }
      return EXIT.ok;
    }
    return usage();
  },
};
