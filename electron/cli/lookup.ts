// Helpers shared by CLI commands: find an account by name (or id), and print tables.
import type { Account } from '../contract';
import { GuardError } from '../contract';
import type { CommandContext } from './commands/types';

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

/** A plain text table: a header row, then rows, columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
