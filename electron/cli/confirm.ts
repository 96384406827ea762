// Confirmation before a change that cannot be taken back in one step (disable, a batch, a key
// fix, a new cluster): on a terminal the person types what the prompt names; in a script
// `--yes` says it; without either the command refuses and changes nothing (exit 2).
import { createInterface } from 'node:readline';
import type { CommandContext } from './commands/types';

/** Is someone at a terminal to answer? (stdin is a TTY; tests pass a stream that says so.) */
export function atTerminal(ctx: CommandContext): boolean {
  return (ctx.io.stdin as { isTTY?: boolean } | undefined)?.isTTY === true;
}

/** Asks on stderr and reads one line from stdin; resolves with it ('' when stdin ends). */
async function ask(ctx: CommandContext, question: string): Promise<string> {
  const rl = createInterface({ input: ctx.io.stdin!, output: ctx.io.stderr, terminal: false });
  try {
    ctx.io.stderr.write(question);
    return await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
  } finally {
    rl.close();
  }
}

export type Confirmation = 'yes' | 'declined' | 'no-terminal';

/**
 * `--yes`, else the typed answer compared with `expected` (trimmed; case-insensitive for
 * words like "yes", exact for a cluster name or a number).
 */
export async function confirm(
  ctx: CommandContext,
  options: { yes: boolean; question: string; expected: string; ignoreCase?: boolean },
): Promise<Confirmation> {
  if (options.yes) return 'yes';
  if (!atTerminal(ctx)) return 'no-terminal';
  const answer = (await ask(ctx, options.question)).trim();
  const same = options.ignoreCase
    ? answer.toLowerCase() === options.expected.toLowerCase()
    : answer === options.expected;
  return same ? 'yes' : 'declined';
}
