// A small typed event hub. The core emits; each transport (IPC to the window, Playwright
// binding, CLI progress lines) subscribes. A failing listener never breaks the others.
import type { EventName, EventPayload } from '../contract';

type AnyListener = (name: EventName, payload: unknown) => void;

export class EventHub {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(name, payload);
      } catch {
        // One broken subscriber (a closed window, a dead pipe) must not stop the others.
      }
    }
  }

  /** Subscribe to every event; returns the unsubscribe function. */
  subscribe(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
