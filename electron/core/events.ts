// A small typed event hub. The core emits; each transport (IPC to the window, Playwright
// binding, CLI progress lines) subscribes. A failing listener never breaks the others.
// Names and payloads are the contract's event map (contract/events.ts): a wrong payload for a
// name does not compile, on either side, so no subscriber casts what it receives.
import type { EventName, EventPayload } from '../contract';

/** One event as a [name, payload] pair; checking the name narrows the payload. */
export type AnyEvent = { [E in EventName]: [name: E, payload: EventPayload<E>] }[EventName];
type AnyListener = (...event: AnyEvent) => void;

export class EventHub {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) {
      try {
        (listener as (name: E, payload: EventPayload<E>) => void)(name, payload);
      } catch {
        // One broken subscriber (a closed window, a dead pipe) must not stop the others.
      }
    }
  }

  /** Subscribe to one event; returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.subscribe((...[seen, payload]: AnyEvent) => {
      if (seen === name) listener(payload as EventPayload<E>);
    });
  }

  /** Subscribe to every event (the transports forward them all); returns the unsubscribe function. */
  subscribe(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
