import type { Exact } from './exact';
import type { EventName } from './channels';
import type { AccountsChanged } from './types/accounts';
import type { AppCommand, AppNotice } from './types/app';
import type { FleetProgress, FleetUpdated } from './types/fleet';
import type { OperationView } from './types/operations';
import type { BatchView } from './types/batch';
import type { KeyCriticalFound, KeyHealthReport } from './types/key-guard';
import type { CreationView } from './types/provision';

export interface EventPayloads {
  'app.notice': AppNotice;
  'accounts.changed': AccountsChanged;
  /** A command chosen in the application menu, for the window to carry out. */
  'app.command': AppCommand;
  /** One account/region of a refresh started, finished or failed. */
  'fleet.progress': FleetProgress;
  'fleet.updated': FleetUpdated;
  /** A change moved on (or was re-checked): the whole current view. */
  'operation.progress': OperationView;
  /** A batch or one of its items moved on: the whole current view. */
  'batch.progress': BatchView;
  /** A key health sweep ended: the whole report (the fleet banner follows it). */
  'keys.report': KeyHealthReport;
  /** Critical key findings the user has not been told about yet (a desktop notification). */
  'keys.critical': KeyCriticalFound;
  /** A new cluster's creation moved on: the whole current view. */
  'creation.progress': CreationView;
}

const _everyEventHasAPayload: Exact<keyof EventPayloads, EventName> = true;
void _everyEventHasAPayload;

export type EventPayload<E extends EventName> = EventPayloads[E];
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;
