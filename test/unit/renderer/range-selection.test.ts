// Ticking clusters for a batch: single ticks, Shift ranges, Shift+arrows, the select-all state.
import { describe, expect, it } from 'vitest';
import { RangeSelection, tickedState } from '../../../renderer/src/lib/selection';

const ids = ['a', 'b', 'c', 'd', 'e'];
const sorted = (set: Set<string> | null) => [...(set ?? [])].sort();

describe('RangeSelection', () => {
  it('a plain tick toggles one row and never changes the set it was given', () => {
    const ticks = new RangeSelection();
    const before = new Set(['a']);
    expect(sorted(ticks.tick(ids, before, 2, false))).toEqual(['a', 'c']);
    expect(sorted(ticks.tick(ids, new Set(['a', 'c']), 2, false))).toEqual(['a']);
    expect(sorted(before)).toEqual(['a']);
  });

  it('a Shift range runs from the anchor to the row, either direction', () => {
    const ticks = new RangeSelection();
    let set = ticks.tick(ids, new Set(), 1, false)!;
    expect(sorted(ticks.tick(ids, set, 3, true))).toEqual(['b', 'c', 'd']);
    set = ticks.tick(ids, new Set(), 3, false)!;
    expect(sorted(ticks.tick(ids, set, 0, true))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a range takes the anchor state: from an unticked anchor it unticks', () => {
    const ticks = new RangeSelection();
    // Untick c on its own (c becomes the anchor), then Shift-click e.
    const set = ticks.tick(ids, new Set(ids), 2, false)!;
    expect(sorted(set)).toEqual(['a', 'b', 'd', 'e']);
    expect(sorted(ticks.tick(ids, set, 4, true))).toEqual(['a', 'b']);
  });

  it('a Shift range with no anchor yet is a plain tick and sets the anchor', () => {
    const ticks = new RangeSelection();
    expect(sorted(ticks.tick(ids, new Set(), 2, true))).toEqual(['c']);
    expect(ticks.anchor).toBe(2);
  });

  it('a range does not move the anchor', () => {
    const ticks = new RangeSelection();
    let set = ticks.tick(ids, new Set(), 1, false)!;
    set = ticks.tick(ids, set, 3, true)!;
    expect(sorted(ticks.tick(ids, new Set(), 0, true))).toEqual(['a', 'b']);
    expect(ticks.anchor).toBe(1);
    expect(sorted(set)).toEqual(['b', 'c', 'd']);
  });

  it('Shift+arrow ticks from the anchor, or from the active row when none', () => {
    const ticks = new RangeSelection();
    let set = ticks.extend(ids, new Set(), 1, 2);
    expect(sorted(set)).toEqual(['b', 'c']);
    set = ticks.extend(ids, set, 2, 3);
    expect(sorted(set)).toEqual(['b', 'c', 'd']);
    expect(ticks.anchor).toBe(1);
  });

  it('an index outside the list changes nothing', () => {
    const ticks = new RangeSelection();
    expect(ticks.tick(ids, new Set(['a']), 9, false)).toBeNull();
    expect(ticks.anchor).toBeNull();
  });
});

describe('tickedState', () => {
  it('tells all, some and none (for the select-all box)', () => {
    expect(tickedState(ids, new Set(ids))).toBe('all');
    expect(tickedState(ids, new Set(['b', 'zz']))).toBe('some');
    expect(tickedState(ids, new Set(['zz']))).toBe('none');
    expect(tickedState([], new Set(['a']))).toBe('none');
  });
});
