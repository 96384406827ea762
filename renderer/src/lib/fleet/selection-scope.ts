// The ticked clusters against what the table shows: how many of them the filters hide, and what
// an account switch keeps. A batch then says how many it would touch out of sight, and the user
// chooses the visible ones or all of them (FleetView).
import { reaches } from '$contract';
import type { FleetRow } from './view';

export interface SelectionScope {
  /** Ticked clusters that are in the rows shown, in the order shown. */
  visible: string[];
  /** Ticked clusters the filters hide. */
  hidden: number;
}

/** Splits `selected` into the ticked rows of `shown` and a count of the rest. */
export function scopeSelection(
  selected: ReadonlySet<string>,
  shown: readonly FleetRow[],
): SelectionScope {
  if (selected.size === 0) return { visible: [], hidden: 0 };
  const visible: string[] = [];
  for (const row of shown)
    if (selected.has(row.cluster.clusterId)) visible.push(row.cluster.clusterId);
  return { visible, hidden: selected.size - visible.length };
}

/**
 * The ticks kept when the account scope becomes `accountId`. Choosing one account means "work on
 * this customer": ticks in other accounts are dropped, so a batch started there can never touch
 * another customer's clusters unseen (and they do not come back when the scope widens again).
 * Choosing "all accounts" hides nothing, so every tick stays. Ticks of clusters that left the
 * snapshot are dropped too: nothing could act on them.
 */
export function selectionForAccount(
  selected: ReadonlySet<string>,
  rows: readonly FleetRow[],
  accountId: string | 'all',
): ReadonlySet<string> {
  if (selected.size === 0) return selected;
  const kept = new Set<string>();
  for (const row of rows) {
    const c = row.cluster;
    if (selected.has(c.clusterId) && (accountId === 'all' || reaches(c, accountId)))
      kept.add(c.clusterId);
  }
  return kept.size === selected.size ? selected : kept;
}
