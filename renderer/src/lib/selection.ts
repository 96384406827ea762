// Ticked clusters are replaced, never mutated: each change makes a new set from the old one.

/** `base` with `ids` ticked (on) or unticked (off). */
export function withIds(
  base: ReadonlySet<string>,
  ids: Iterable<string>,
  on: boolean,
): Set<string> {
  const next = new Set(base);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}
