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

/** Whether every, some or none of `ids` are ticked (the select-all box: checked, indeterminate). */
export function tickedState(
  ids: readonly string[],
  selected: ReadonlySet<string>,
): 'all' | 'some' | 'none' {
  let ticked = 0;
  for (const id of ids) if (selected.has(id)) ticked += 1;
  if (ticked === 0) return 'none';
  return ticked === ids.length ? 'all' : 'some';
}

/**
 * Ticking rows of a list by index, with Shift ranges as file managers do them: a plain tick
 * toggles one row and makes it the anchor; a range runs from the anchor to the row and takes
 * the anchor's state. `ids` are the rows as shown (sorted and filtered), so ranges follow the
 * screen. Each call returns the new set (see withIds) or null when the index is out of range.
 */
export class RangeSelection {
  /** Where a Shift range starts: the last row ticked or unticked on its own. */
  anchor: number | null = null;

  /** Click or Space on row `index`; `range` for Shift. */
  tick(
    ids: readonly string[],
    selected: ReadonlySet<string>,
    index: number,
    range: boolean,
  ): Set<string> | null {
    const id = ids[index];
    if (id === undefined) return null;
    if (range && this.anchor !== null) {
      // The range takes the anchor's state (ticked -> tick all of them).
      const anchorId = ids[this.anchor];
      const on = (anchorId !== undefined && selected.has(anchorId)) || !selected.has(id);
      return withIds(selected, this.span(ids, this.anchor, index), on);
    }
    this.anchor = index;
    return withIds(selected, [id], !selected.has(id));
  }

  /**
   * Shift+arrow from the active row `from` to row `to`: ticks every row between the anchor
   * (`from` when there is none yet) and `to`.
   */
  extend(
    ids: readonly string[],
    selected: ReadonlySet<string>,
    from: number,
    to: number,
  ): Set<string> {
    if (this.anchor === null) this.anchor = from;
    return withIds(selected, this.span(ids, this.anchor, to), true);
  }

  private span(ids: readonly string[], a: number, b: number): readonly string[] {
    const [from, to] = a < b ? [a, b] : [b, a];
    return ids.slice(from, to + 1);
  }
}
