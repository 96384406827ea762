// What the window does before its first rows (issue 18, bench group 4): the date formatters
// (and a first date each) and the fonts (a hidden line, lib/warm-fonts.ts) are loaded while the
// first answers cross, not while the rows are drawn, and the rows do not wait for the account
// list. The whole app in jsdom, its bridge answering by hand.
import { render, screen } from '@testing-library/svelte';
import { afterAll, describe, expect, it } from 'vitest';
import type { FleetSnapshotPage, GuardBridge } from '../../../electron/contract';
import App from '../../../renderer/src/App.svelte';
import { formatDate, formatDateTime } from '../../../renderer/src/lib/format';
import { cluster } from './fixtures';

globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;

/** Counts every Intl.DateTimeFormat built (the costly part is the first of a language). */
const RealDateTimeFormat = Intl.DateTimeFormat;
let built = 0;
Intl.DateTimeFormat = new Proxy(RealDateTimeFormat, {
  construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
    built += 1;
    return new target(...args);
  },
});
/** Counts dates formatted (the first of a formatter loads the time zone's rules). */
let formatted = 0;
const formatGetter = Object.getOwnPropertyDescriptor(RealDateTimeFormat.prototype, 'format')!.get!;
Object.defineProperty(RealDateTimeFormat.prototype, 'format', {
  configurable: true,
  get(this: Intl.DateTimeFormat) {
    formatted += 1;
    return formatGetter.call(this);
  },
});
afterAll(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
  Object.defineProperty(RealDateTimeFormat.prototype, 'format', {
    configurable: true,
    get: formatGetter,
  });
});

const clusters = [cluster({ name: 'alpha' }), cluster({ name: 'beta' })];
const page: FleetSnapshotPage = {
  generation: 1,
  gone: false,
  offset: 0,
  total: clusters.length,
  clusters,
  head: {
    fetchedAt: '2026-12-01T08:00:00.000Z',
    stale: false,
    includeAckPro: false,
    failures: [],
    listings: [],
  },
};

let answerSnapshot: () => void = () => undefined;
const never = new Promise<never>(() => undefined);
/** The snapshot answers when the test says; the account list (and every other call) never. */
const invoke = (name: string): Promise<unknown> =>
  name === 'fleet.snapshotPage'
    ? new Promise((resolve) => (answerSnapshot = () => resolve({ ok: true, value: page })))
    : never;
window.guard = { invoke, on: () => () => undefined } as unknown as GuardBridge;

describe('the window before its first rows', () => {
  it('builds the date formatters while the answers cross, and shows rows before the accounts', async () => {
    render(App);
    // Started, nothing answered yet: the table's two formatters already exist, and the fonts'
    // hidden line is in the page.
    expect(built).toBeGreaterThanOrEqual(2);
    expect(formatted).toBeGreaterThanOrEqual(2);
    expect(document.querySelector('[data-testid="warm-fonts"][aria-hidden="true"]')).not.toBeNull();
    const before = built;

    answerSnapshot();
    // accounts.list has not answered: the rows show all the same.
    const rows = await screen.findAllByRole('row', { name: /alpha|beta/ });
    expect(rows.length).toBe(2);
    expect(screen.getByTestId('cluster-table')).toBeTruthy();
    // Drawing them (every row formats its date and tooltip) built no formatter.
    formatDate(clusters[0]!.updated);
    formatDateTime(clusters[0]!.updated);
    expect(built).toBe(before);
  });
});
