import type { EventName } from './channels';
import type { AppNotice } from './types/app';

export interface EventPayloads {
  'app.notice': AppNotice;
}

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _everyEventHasAPayload: Exact<keyof EventPayloads, EventName> = true;
void _everyEventHasAPayload;

export type EventPayload<E extends EventName> = EventPayloads[E];
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;
