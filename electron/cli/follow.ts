// Follows one encryption change in the terminal until it ends (`enable|disable --wait`,
// `status --wait`). A change can take tens of minutes: a line at least every 30 s shows the wait
// is alive, and Ctrl-C stops only the following — the change goes on in the cloud and the
// journal lets `status --wait` pick it up again.
import type { OperationView } from '../contract';
import { EXIT } from './exit-codes';
import type { ExitCode } from './exit-codes';
import type { CommandContext } from './commands/types';
import { duration, localTime } from './time-text';

export interface FollowOptions {
  /** The longest silence between two lines (default 30 s). */
  everyMs?: number;
  now?: () => number;
  /** Where Ctrl-C arrives (the process; tests pass their own emitter). */
  signals?: Pick<NodeJS.EventEmitter, 'once' | 'off'>;
}

/** One progress line: local time, the change, its phase and what comes next. */
export function progressLine(view: OperationView, now: number): string {
  const parts = [
    localTime(now),
    `${view.action} ${view.clusterName} (${view.clusterId})`,
    view.phase === 'ended' ? `ended: ${view.outcome}` : view.phase,
    view.clusterState ? `cluster ${view.clusterState}` : '',
    view.phase !== 'ended' ? `elapsed ${duration(now - Date.parse(view.startedAt))}` : '',
    view.nextPollAt && view.phase !== 'ended' ? `next check ${localTime(view.nextPollAt)}` : '',
    view.slow ? 'slower than usual' : '',
    view.note ?? '',
    view.error && view.phase === 'ended' ? view.error.message : '',
  ];
  return parts.filter((p) => p !== '').join('  ');
}

/** The last line of a wait: how it ended, how long it took, and the request id to quote. */
export function summaryLine(view: OperationView): string {
  const took =
    view.endedAt !== null
      ? ` after ${duration(Date.parse(view.endedAt) - Date.parse(view.startedAt))}`
      : '';
  const checks = `${view.polls} ${view.polls === 1 ? 'check' : 'checks'}`;
  return `${view.action} of ${view.clusterName} (${view.clusterId}) ${view.outcome ?? 'ended'}${took}, ${checks}; request id ${view.requestId ?? '(none)'}`;
}

export async function followChange(
  ctx: CommandContext,
  view: OperationView,
  options: FollowOptions = {},
): Promise<ExitCode> {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? 30_000;
  const signals = options.signals ?? process;
  let latest = view;
  let lastKey = '';
  let lastShownAt = now();
  const show = (v: OperationView) => {
    lastShownAt = now();
    if (ctx.json) ctx.io.stdout.write(`${JSON.stringify(v)}\n`);
    else ctx.print(progressLine(v, lastShownAt));
  };
  const keyOf = (v: OperationView) =>
    `${v.phase}|${v.clusterState}|${v.note}|${v.slow}|${v.outcome}`;

  const unsubscribe = ctx.core.events.on('operation.progress', (v) => {
    if (v.operationId !== view.operationId) return;
    latest = v;
    const key = keyOf(v);
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
    const ended = await Promise.race([ctx.core.operations.waitFor(view.operationId), interrupted]);
    if (ended === 'interrupted') {
      ctx.io.stderr.write(
        `\nStopped following. The change goes on in the cloud; follow it again with: ` +
          `ack-secret-guard status ${view.clusterId} --wait\n`,
      );
      return EXIT.interrupted;
    }
    if (keyOf(ended) !== lastKey) show(ended);
    if (!ctx.json) ctx.print(summaryLine(ended));
    return ended.outcome === 'succeeded' ? EXIT.ok : EXIT.failure;
  } finally {
    clearInterval(heartbeat);
    if (onInterrupt) signals.off('SIGINT', onInterrupt);
    unsubscribe();
  }
}
