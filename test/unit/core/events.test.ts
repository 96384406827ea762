// The event hub is typed by the contract's event map: what a listener receives is the payload
// of the event it named, and emitting a wrong payload does not compile. The @ts-expect-error
// lines are checked by `tsc -p tsconfig.node.json` (npm run typecheck): if the typing loosened,
// the directive itself would become the error.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AppNotice, BatchView, OperationView } from '../../../electron/contract';
import { EventHub } from '../../../electron/core/events';

const notice: AppNotice = { level: 'info', message: 'hello', at: '2026-12-01T00:00:00.000Z' };

describe('EventHub', () => {
  it('gives an on() listener the payload of its own event only', () => {
    const hub = new EventHub();
    const seen: AppNotice[] = [];
    const unsubscribe = hub.on('app.notice', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<AppNotice>();
      seen.push(payload);
    });
    hub.emit('accounts.changed', { reason: 'added', accountIds: ['a'] });
    hub.emit('app.notice', notice);
    unsubscribe();
    hub.emit('app.notice', { ...notice, message: 'after' });
    expect(seen).toEqual([notice]);
  });

  it('narrows a subscribe() payload by the event name', () => {
    const hub = new EventHub();
    const names: string[] = [];
    hub.subscribe((name, payload) => {
      names.push(name);
      if (name === 'operation.progress') expectTypeOf(payload).toEqualTypeOf<OperationView>();
      if (name === 'batch.progress') expectTypeOf(payload).toEqualTypeOf<BatchView>();
    });
    hub.emit('app.notice', notice);
    hub.emit('fleet.updated', { fetchedAt: notice.at, clusters: 1, failures: 0 });
    expect(names).toEqual(['app.notice', 'fleet.updated']);
  });

  it('keeps calling the other listeners when one throws', () => {
    const hub = new EventHub();
    const seen: string[] = [];
    hub.on('app.notice', () => {
      throw new Error('a closed window');
    });
    hub.on('app.notice', (payload) => seen.push(payload.message));
    hub.emit('app.notice', notice);
    expect(seen).toEqual(['hello']);
  });

  it('refuses a wrong payload at compile time', () => {
    const hub = new EventHub();
    const wrong = () => {
      // @ts-expect-error an app.notice is not a fleet update
      hub.emit('app.notice', { fetchedAt: notice.at, clusters: 1, failures: 0 });
      // @ts-expect-error a listener for operation.progress does not get a BatchView
      hub.on('operation.progress', (view: BatchView) => view.batchId);
      // @ts-expect-error no such event in the contract
      hub.on('operation.done', () => undefined);
    };
    expectTypeOf(wrong).toBeFunction();
    expectTypeOf(hub.emit<'app.notice'>)
      .parameter(1)
      .toEqualTypeOf<AppNotice>();
  });
});
