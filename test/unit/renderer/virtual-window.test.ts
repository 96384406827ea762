// The fleet table's virtual window: which rows are in the DOM, where a key press scrolls to.
import { describe, expect, it } from 'vitest';
import {
  OVERSCAN,
  clampIndex,
  pageRows,
  rowWindow,
  scrollToShow,
} from '../../../renderer/src/lib/virtual-window';

describe('rowWindow', () => {
  it('renders the rows in view plus the overscan below at the top of the list', () => {
    expect(rowWindow(6500, 28, 0, 280)).toEqual({ first: 0, last: 10 + OVERSCAN });
  });

  it('renders the overscan above and below in the middle of the list', () => {
    // Scrolled to row 100 exactly, ten rows high.
    expect(rowWindow(6500, 28, 2800, 280)).toEqual({ first: 100 - OVERSCAN, last: 110 + OVERSCAN });
  });

  it('counts a partly visible row as shown', () => {
    expect(rowWindow(6500, 28, 2810, 280, 0)).toEqual({ first: 100, last: 111 });
  });

  it('never runs past the end, even when the scroll position is stale after a filter', () => {
    expect(rowWindow(20, 28, 0, 800)).toEqual({ first: 0, last: 20 });
    const { first, last } = rowWindow(5, 28, 28 * 300, 280);
    expect(first).toBeLessThanOrEqual(last);
    expect(last).toBe(5);
  });

  it('is empty for an empty list', () => {
    expect(rowWindow(0, 28, 0, 600)).toEqual({ first: 0, last: 0 });
  });
});

describe('scrollToShow', () => {
  it('leaves the scroll alone when the row is already in view', () => {
    expect(scrollToShow(3, 28, 0, 280)).toBe(0);
  });

  it('scrolls up so a row above the view sits at the top', () => {
    expect(scrollToShow(2, 28, 280, 280)).toBe(56);
  });

  it('scrolls down just far enough that a row below the view sits at the bottom', () => {
    expect(scrollToShow(10, 28, 0, 280)).toBe(11 * 28 - 280);
  });
});

describe('paging and clamping', () => {
  it('pages by a viewport less one row, at least one row', () => {
    expect(pageRows(28, 280)).toBe(9);
    expect(pageRows(28, 10)).toBe(1);
  });

  it('keeps an index inside the list', () => {
    expect(clampIndex(-3, 10)).toBe(0);
    expect(clampIndex(42, 10)).toBe(9);
    expect(clampIndex(4, 10)).toBe(4);
    expect(clampIndex(4, 0)).toBe(0);
  });
});
