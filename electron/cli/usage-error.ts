// The CLI's one usage error, in a file of its own: the start-up path (cli/main.ts, cli/lang.ts)
// throws it without loading args.ts's parsing helpers and the contract they import.

/** The command line is wrong: the message says what and how to fix it (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}
