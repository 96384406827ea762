// A refresh, then the snapshot it made. fleet.refresh answers only the new snapshot's
// generation and counts (the window reads the snapshot in pages); the CLI runs the core in its
// own process and reads the snapshot whole, in the same turn.
import type { FleetSnapshot } from '../contract';
import { GuardError } from '../contract';
import type { CommandContext } from './commands/types';

export async function refreshedSnapshot(
  ctx: Pick<CommandContext, 'core'>,
  input: Parameters<CommandContext['core']['api']['fleet.refresh']>[0],
): Promise<FleetSnapshot> {
  await ctx.core.api['fleet.refresh'](input);
  const snapshot = await ctx.core.api['fleet.snapshot']({});
  // A refresh always leaves a snapshot (its failures are in it); never null after one.
  if (!snapshot) throw new GuardError('internal', 'The fleet refresh left no snapshot.');
  return snapshot;
}
