// The fleet filter as it is typed (lib/fleet/row-filter.ts): the same rows as filterRows for
// every query, but a query that extends the last one reads only that one's rows, and a query
// answered before (a backspace) reads none.
import { describe, expect, it } from 'vitest';
import { RowFilter } from '../../../renderer/src/lib/fleet/row-filter';
import { DEFAULT_FILTERS, filterRows, toRows } from '../../../renderer/src/lib/fleet/view';
import type { FleetRow } from '../../../renderer/src/lib/fleet/view';
import { cluster } from './fixtures';

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];

/** 60 rows that note which of them had their search text read. */
function countedRows(): { rows: FleetRow[]; reads: () => number } {
  const read = new Set<FleetRow>();
  const rows = toRows(
    Array.from({ length: 60 }, (_, i) =>
      cluster({
        clusterId: `c-${i}`,
        name: `fleet-${i % 12}-${REGIONS[i % 3]}-${i}`,
        regionId: REGIONS[i % 3]!,
        state: i % 5 === 0 ? 'failed' : 'running',
      }),
    ),
  );
  for (const row of rows) {
    const search = row.search;
    Object.defineProperty(row, 'search', {
      get: () => {
        read.add(row);
        return search;
      },
    });
  }
  /** How many rows were read since the last call. */
  const reads = () => {
    const n = read.size;
    read.clear();
    return n;
  };
  return { rows, reads };
}

const typed = (text: string) => ({ ...DEFAULT_FILTERS, text });

describe('RowFilter', () => {
  it('answers what filterRows answers, typing and erasing', () => {
    const { rows } = countedRows();
    const filter = new RowFilter();
    const text = 'Fleet-1 CN-sh';
    const queries: string[] = [];
    for (let i = 1; i <= text.length; i++) queries.push(text.slice(0, i));
    for (let i = text.length - 1; i >= 0; i--) queries.push(text.slice(0, i));
    queries.push('beijing', 'bei', 'fleet-11', ' fleet ', '');
    for (const q of queries)
      expect(
        filter.filter(rows, typed(q)).map((r) => r.cluster.clusterId),
        q,
      ).toEqual(filterRows(rows, typed(q)).map((r) => r.cluster.clusterId));
  });

  it('reads only the rows the query before matched, and none for a query answered before', () => {
    const { rows, reads } = countedRows();
    const filter = new RowFilter();
    filter.filter(rows, typed('fleet-1'));
    expect(reads()).toBe(rows.length);
    const matched = filter.filter(rows, typed('fleet-1')).length;
    // The same query again: nothing read.
    expect(reads()).toBe(0);
    const narrower = filter.filter(rows, typed('fleet-1 cn-sh'));
    expect(reads()).toBe(matched);
    expect(narrower.length).toBeLessThan(matched);
    // Backspace to a query already answered: its answer, nothing read.
    const back = filter.filter(rows, typed('fleet-1'));
    expect(reads()).toBe(0);
    expect(back.length).toBe(matched);
  });

  it('starts afresh for other rows or other filters', () => {
    const { rows } = countedRows();
    const filter = new RowFilter();
    const all = filter.filter(rows, typed('fleet'));
    const failed = filter.filter(rows, { ...typed('fleet'), state: 'failed' });
    expect(failed.length).toBeLessThan(all.length);
    expect(failed).toEqual(filterRows(rows, { ...typed('fleet'), state: 'failed' }));
    // A new snapshot: its own rows, not the answers kept for the old ones.
    const fewer = rows.slice(0, 10);
    expect(filter.filter(fewer, typed('fleet'))).toEqual(filterRows(fewer, typed('fleet')));
  });
});
