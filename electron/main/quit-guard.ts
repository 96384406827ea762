// Quitting while a change is in flight asks first. The change itself is safe either way (it runs
// in the cloud and the journal resumes following it on the next start), but the user should
// know that before the window disappears. Electron is passed in as small functions, for tests.

interface PreventableEvent {
  preventDefault(): void;
}

export interface QuitGuardOptions {
  /** Wired by the operations engineer to the journal; until then nothing is ever in flight. */
  hasChangesInFlight?: () => boolean;
  /** Shows the question; resolves true when the user chooses to quit anyway. */
  ask: () => Promise<boolean>;
}

export interface QuitGuard {
  /**
   * For `before-quit` and (on Windows and Linux, where closing the window quits) the main
   * window's `close`: lets the event through, or holds it, asks, and calls `proceed` on "quit".
   * Returns true when it held the event (then nothing else should act on this quit).
   */
  intercept(event: PreventableEvent, proceed: () => void): boolean;
}

export function createQuitGuard(options: QuitGuardOptions): QuitGuard {
  const inFlight = options.hasChangesInFlight ?? (() => false);
  let confirmed = false;
  let asking = false;

  return {
    intercept(event, proceed) {
      if (confirmed) return false;
      let busy: boolean;
      try {
        busy = inFlight();
      } catch {
        busy = true; // when unsure, ask rather than drop the user's work silently
      }
      if (!busy) return false;
      event.preventDefault();
      if (asking) return true; // a second Ctrl+Q while the dialog is open
      asking = true;
      options.ask().then(
        (quit) => {
          asking = false;
          if (!quit) return;
          confirmed = true;
          proceed();
        },
        () => {
          asking = false;
        },
      );
      return true;
    },
  };
}
