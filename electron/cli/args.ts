// The CLI's one argument module: strict option parsing, the one UsageError (usage-error.ts),
// reading the lines of standard input (where secrets come from), and finding an account by name
// or id. Every command uses these, so a bad option reads the same everywhere:
// `error (validation): …` and exit code 2 (the accounts command adds its usage text).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import type { Account } from '../contract';
import { GuardError, messageOf } from '../contract';
import type { CommandContext } from './commands/types';
import { UsageError } from './usage-error';

export { UsageError };

type OptionSpec = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/** Options and positionals, strictly: an unknown option or a missing value is a UsageError. */
export function parseOptions<T extends OptionSpec>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages name the option, never a value.
    throw new UsageError(messageOf(error));
  }
}

/** The one positional argument, e.g. an account name. */
export function exactlyOne(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`Give exactly one ${what}.`);
  return positionals[0]!;
}

/** Reads all of stdin and returns its lines (CR LF tolerated, trailing empty line dropped). */
export async function readStdinLines(stream: NodeJS.ReadableStream | undefined): Promise<string[]> {
  // index.ts passes no stdin today; the process's own is the right one for the real CLI.
  const input = stream ?? process.stdin;
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  const lines = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A saved account by id, else by name (case-insensitive, as names are unique that way). */
export async function findAccount(ctx: CommandContext, nameOrId: string): Promise<Account> {
  const { accounts } = await ctx.core.api['accounts.list']({});
  const found =
    accounts.find((a) => a.id === nameOrId) ??
    accounts.find((a) => a.name.toLowerCase() === nameOrId.toLowerCase());
  if (!found)
    throw new GuardError(
      'not-found',
      `There is no account named "${nameOrId}". See: ack-secret-guard accounts list`,
    );
  return found;
}

/** `scope.accountIds[0]` rather than zod's scope.accountIds.0 */
function where(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
    '',
  );
}

/**
 * Reads a JSON file the user wrote (a batch plan, a cluster spec) and checks it against its
 * schema; every problem names the file, the field and what is wrong (the first five).
 */
export async function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new GuardError(
      'validation',
      `Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new GuardError('validation', `${file} is not valid JSON: ${messageOf(error)}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${where(issue.path) || '(the whole file)'}: ${issue.message}`);
    throw new GuardError('validation', `${file} is not a valid ${what}: ${problems.join('; ')}`, {
      file,
      issues: problems,
    });
  }
  return parsed.data;
}
