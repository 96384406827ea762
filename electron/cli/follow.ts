// Follows one long cloud change in the terminal until it ends: an encryption change
// (`enable|disable --wait`, `status --wait`) or a new cluster (`clusters create --wait`). Either
// can take tens of minutes: a line at least every 30 s shows the wait is alive, a summary closes
// it, and Ctrl-C stops only the following (exit 130) — the change goes on in the cloud and the
// journal lets the command the message names pick it up again.
import type { CreationView, OperationView } from '../contract';
import { wordedText } from '../contract';
import { EXIT } from './exit-codes';
import type { ExitCode } from './exit-codes';
import type { CommandContext } from './commands/types';
import type { CliText } from './i18n';
import { duration, localTime } from './time-text';

export interface FollowOptions {
  /** The longest silence between two lines (default 30 s). */
  everyMs?: number;
  now?: () => number;
  /** Where Ctrl-C arrives (the process; tests pass their own emitter). */
  signals?: Pick<NodeJS.EventEmitter, 'once' | 'off'>;
}

/** What the follower needs to know about one kind of change. */
export interface Followed<V> {
  event: 'operation.progress' | 'creation.progress';
  /** Is this event's view the change being followed? */
  mine(v: V): boolean;
  /** Views with the same key print once. */
  keyOf(v: V): string;
  line(v: V, now: number): string;
  summary(v: V): string;
  waitFor(): Promise<V>;
  exit(v: V): ExitCode;
  /** What Ctrl-C prints (to stderr): the change goes on, and how to see it again. */
  interrupted: string;
}

/** The words of a phase or outcome in the user's language (unknown words as they are). */
const word = (table: Record<string, string>, w: string) => table[w] ?? w;

/** One progress line: local time, the change, its phase and what comes next. */
export function progressLine(t: CliText, view: OperationView, now: number): string {
  const f = t.follow;
  const parts = [
    localTime(now),
    `${word(f.action, view.action)} ${view.clusterName} (${view.clusterId})`,
    view.phase === 'ended'
      ? f.ended(word(f.outcome, view.outcome ?? 'unknown'))
      : word(f.phase, view.phase),
    view.clusterState ? f.cluster(word(t.clusterState, view.clusterState)) : '',
    view.phase !== 'ended' ? f.elapsed(duration(now - Date.parse(view.startedAt))) : '',
    view.nextPollAt && view.phase !== 'ended' ? f.nextCheck(localTime(view.nextPollAt)) : '',
    view.slow ? f.slow : '',
    view.note ? wordedText({ message: view.note, msg: view.noteMsg ?? undefined }, t.lang) : '',
    view.error && view.phase === 'ended' ? wordedText(view.error, t.lang) : '',
  ];
  return parts.filter((p) => p !== '').join('  ');
}

/** The last line of a wait: how it ended, how long it took, and the request id to quote. */
export function summaryLine(t: CliText, view: OperationView): string {
  const took =
    view.endedAt !== null ? duration(Date.parse(view.endedAt) - Date.parse(view.startedAt)) : null;
  return t.follow.summary(
    word(t.follow.action, view.action),
    view.clusterName,
    view.clusterId,
    word(t.follow.outcome, view.outcome ?? 'ended'),
    took,
    view.polls,
    view.requestId,
  );
}

/** Follows an encryption change; `status CLUSTER --wait` resumes it. */
export function followChange(
  ctx: CommandContext,
  view: OperationView,
  options: FollowOptions = {},
): Promise<ExitCode> {
  const followed: Followed<OperationView> = {
    event: 'operation.progress',
    mine: (v) => v.operationId === view.operationId,
    keyOf: (v) => `${v.phase}|${v.clusterState}|${v.note}|${v.slow}|${v.outcome}`,
    line: (v, now) => progressLine(ctx.t, v, now),
    summary: (v) => summaryLine(ctx.t, v),
    waitFor: () => ctx.core.operations.waitFor(view.operationId),
    exit: (v) => (v.outcome === 'succeeded' ? EXIT.ok : EXIT.failure),
    interrupted: ctx.t.follow.interrupted(`ack-secret-guard status ${view.clusterId} --wait`),
  };
  return follow(ctx, view, followed, options);
}

/** One line of a new cluster's creation, as progressLine is for a change. */
export function creationLine(t: CliText, v: CreationView, now: number): string {
  const f = t.follow;
  const w = t.createText;
  return [
    localTime(now),
    w.line(v.name, v.clusterId),
    v.phase === 'ended' ? f.ended(word(f.outcome, v.outcome ?? 'unknown')) : word(f.phase, v.phase),
    v.clusterState ? f.cluster(word(t.clusterState, v.clusterState)) : '',
    v.taskStage && v.phase !== 'ended' ? w.stage(v.taskStage) : '',
    v.phase !== 'ended' ? f.elapsed(duration(now - Date.parse(v.startedAt))) : '',
    v.nextPollAt && v.phase !== 'ended' ? f.nextCheck(localTime(v.nextPollAt)) : '',
    v.proof && v.phase !== 'creating' ? w.proof(word(w.proofStatus, v.proof.status)) : '',
    v.note ? wordedText({ message: v.note, msg: v.noteMsg ?? undefined }, t.lang) : '',
    v.error && v.phase === 'ended' ? wordedText(v.error, t.lang) : '',
    v.fallbackAfter
      ? w.fallback(
          localTime(v.fallbackAfter),
          `ack-secret-guard enable ${v.clusterId} --key ${v.keyId}`,
        )
      : '',
  ]
    .filter((p) => p !== '')
    .join('  ');
}

/** Follows a new cluster's creation to running and its proof. */
export function followCreation(
  ctx: CommandContext,
  view: CreationView,
  options: FollowOptions = {},
): Promise<ExitCode> {
  const followed: Followed<CreationView> = {
    event: 'creation.progress',
    mine: (v) => v.creationId === view.creationId,
    keyOf: (v) =>
      `${v.phase}|${v.clusterState}|${v.taskStage}|${v.proof?.status}|${v.note}|${v.outcome}`,
    line: (v, now) => creationLine(ctx.t, v, now),
    summary: (v) =>
      ctx.t.create.summary(
        v.name,
        v.clusterId,
        word(ctx.t.follow.outcome, v.outcome ?? 'ended'),
        duration(Date.parse(v.endedAt ?? new Date().toISOString()) - Date.parse(v.startedAt)),
      ),
    waitFor: () => ctx.core.provision.waitFor(view.creationId),
    exit: (v) => (v.outcome === 'verified' || v.outcome === 'encrypted' ? EXIT.ok : EXIT.failure),
    // The creation is journaled: `clusters create --resume` follows it again.
    interrupted: ctx.t.create.interrupted(
      `ack-secret-guard clusters create --resume ${view.creationId}`,
    ),
  };
  return follow(ctx, view, followed, options);
}

async function follow<V>(
  ctx: CommandContext,
  view: V,
  f: Followed<V>,
  options: FollowOptions,
): Promise<ExitCode> {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? 30_000;
  const signals = options.signals ?? process;
  let latest = view;
  let lastKey = '';
  let lastShownAt = now();
  const show = (v: V) => {
    lastShownAt = now();
    if (ctx.json) ctx.io.stdout.write(`${JSON.stringify(v)}\n`);
    else ctx.print(f.line(v, lastShownAt));
  };

  // The event's payload is V for the event named by f (Followed's two implementations above).
  const on = ctx.core.events.on.bind(ctx.core.events) as unknown as (
    name: Followed<V>['event'],
    listener: (v: V) => void,
  ) => () => void;
  const unsubscribe = on(f.event, (v) => {
    if (!f.mine(v)) return;
    latest = v;
    const key = f.keyOf(v);
    if (key !== lastKey) show(v);
    lastKey = key;
  });
  // Checked often, printed only after a silence: the line then carries the latest state.
  const heartbeat = setInterval(
    () => {
      if (now() - lastShownAt >= everyMs) show(latest);
    },
    Math.min(everyMs, 5_000),
  );
  heartbeat.unref?.();
  let onInterrupt: (() => void) | null = null;
  const interrupted = new Promise<'interrupted'>((resolve) => {
    onInterrupt = () => resolve('interrupted');
    signals.once('SIGINT', onInterrupt);
  });
  try {
    const ended = await Promise.race([f.waitFor(), interrupted]);
    if (ended === 'interrupted') {
      ctx.io.stderr.write(f.interrupted);
      return EXIT.interrupted;
    }
    if (f.keyOf(ended) !== lastKey) show(ended);
    if (!ctx.json) ctx.print(f.summary(ended));
    return f.exit(ended);
  } finally {
    clearInterval(heartbeat);
    if (onInterrupt) signals.off('SIGINT', onInterrupt);
    unsubscribe();
  }
}
