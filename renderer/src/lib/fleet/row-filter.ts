// The fleet's filter as it is typed. filterRows reads every row's search text; at 6,500 rows
// that was the largest part of the slow keystrokes' script (bench group 4 traces). Typing
// narrows: a query that starts with an earlier one can only match rows that one matched (each
// of its words is inside one of the new words), so the new query filters those rows only; a
// backspace goes back to a query already answered, which is kept. The answers hold for one list
// of rows and one choice of the other filters; either changing starts afresh.
import { filterRows } from './view';
import type { FleetFilters, FleetRow } from './view';

/** Queries kept: a search typed and erased again, with room to spare. */
const KEPT = 48;

export class RowFilter {
  #rows: readonly FleetRow[] | null = null;
  #others = '';
  /** Lower-cased query -> its rows, oldest first (a Map keeps insertion order). */
  #answers = new Map<string, FleetRow[]>();

  /**
   * filterRows(rows, filters), the same rows in the same order. The same query answers the same
   * array (so what depends on it does not run again): callers must not change it.
   */
  filter(rows: readonly FleetRow[], filters: FleetFilters): FleetRow[] {
    const others = [
      filters.accountId,
      filters.regionId,
      filters.encryption,
      filters.state,
      filters.attentionOnly,
    ].join('\u0000');
    if (rows !== this.#rows || others !== this.#others) {
      this.#rows = rows;
      this.#others = others;
      this.#answers.clear();
    }
    const query = filters.text.toLowerCase();
    const known = this.#answers.get(query);
    if (known) {
      this.#answers.delete(query);
      this.#answers.set(query, known);
      return known;
    }
    // The longest earlier query this one extends: the fewest rows to read.
    let from: readonly FleetRow[] = rows;
    let fromLength = -1;
    for (const [earlier, answer] of this.#answers) {
      if (earlier.length > fromLength && query.startsWith(earlier)) {
        from = answer;
        fromLength = earlier.length;
      }
    }
    const answer = filterRows(from, filters);
    this.#answers.set(query, answer);
    if (this.#answers.size > KEPT) this.#answers.delete(this.#answers.keys().next().value!);
    return answer;
  }
}
