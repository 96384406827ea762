// A change that ends while the window is in the background gets a desktop notification. Where
// the OS will not show one (unsupported, or macOS refusing an unsigned app since Electron 42's
// move to UNNotification: the Notification emits `failed`), the same words go to the window as
// a notice instead, so the news is never lost. Electron is passed in, for unit tests.
import { escapeNotificationText } from '../contract';
import type { KeyCriticalFound, OperationView } from '../contract';
import type { MainStrings } from './strings';

export interface NotificationLike {
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  show(): void;
}

export interface ChangeNotifierDeps {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationLike;
  /** Is the window in front? Then its own timeline already shows the end. */
  windowFocused(): boolean;
  /** The in-window notice (the core's `app.notice` event). */
  showInWindow(level: 'info' | 'warning', message: string): void;
  strings(): MainStrings;
  log: { warn(message: string, details?: unknown): void };
}

/** Notifications not yet closed or failed: kept referenced so their events still arrive. */
const MAX_LIVE = 20;

/**
 * Shows one desktop notification, or the same words in the window where the OS will not (not
 * supported, creation throws, or `failed`). `live` keeps each referenced until it closes.
 */
function deliver(
  deps: Pick<ChangeNotifierDeps, 'isSupported' | 'create' | 'showInWindow' | 'log'>,
  live: Set<NotificationLike>,
  level: 'info' | 'warning',
  title: string,
  body: string,
): void {
  const inWindow = (): void => deps.showInWindow(level, `${title}: ${body}`);
  if (!deps.isSupported()) {
    inWindow();
    return;
  }
  try {
    const notification = deps.create({ title, body });
    notification.on('failed', (_event, error) => {
      live.delete(notification);
      deps.log.warn('desktop notification failed; shown in the window instead', { error });
      inWindow();
    });
    notification.on('close', () => live.delete(notification));
    live.add(notification);
    if (live.size > MAX_LIVE) live.delete(live.values().next().value!);
    notification.show();
  } catch (error) {
    deps.log.warn('desktop notification failed; shown in the window instead', { error });
    inWindow();
  }
}

export function createChangeNotifier(deps: ChangeNotifierDeps): (view: OperationView) => void {
  const live = new Set<NotificationLike>();
  return (view) => {
    if (view.phase !== 'ended' || deps.windowFocused()) return;
    const t = deps.strings();
    const title = escapeNotificationText(t.changeEndedTitle(view.outcome ?? 'unknown'), 80);
    const body = escapeNotificationText(
      t.changeEndedBody(
        view.action,
        escapeNotificationText(view.clusterName, 60),
        escapeNotificationText(view.accountName, 60),
      ),
      200,
    );
    const level = view.outcome === 'succeeded' ? 'info' : 'warning';
    deliver(deps, live, level, title, body);
  };
}

export type KeyNotifierDeps = Omit<ChangeNotifierDeps, 'windowFocused'>;

/**
 * A new critical key finding (the core sends each once, remembered across restarts) gets a
 * desktop notification even when the window is in front: the fleet banner may be out of view.
 * Where the OS will not show one, the same words go to the window as a notice.
 */
export function createKeyFindingNotifier(deps: KeyNotifierDeps): (found: KeyCriticalFound) => void {
  const live = new Set<NotificationLike>();
  return ({ findings }) => {
    const t = deps.strings();
    for (const f of findings.slice(0, 5)) {
      const key = escapeNotificationText(f.aliases[0] ?? f.keyId, 80);
      const title = escapeNotificationText(t.keyCriticalTitle(f.kind), 80);
      const body = escapeNotificationText(
        t.keyCriticalBody(key, f.clusters.length, f.deleteDate),
        200,
      );
      deliver(deps, live, 'warning', title, body);
    }
  };
}
