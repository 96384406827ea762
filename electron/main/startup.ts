// What the main process does before and when its start goes wrong: refuse a packaged launch that
// opens a debugger or turns off TLS checks, and turn a failed start into a visible error and a
// non-zero exit instead of a windowless process that keeps the single-instance lock.

/**
 * Switches that attach a debugger to the app (Chromium's DevTools protocol, Node's inspector).
 * The EnableNodeCliInspectArguments fuse already makes a packaged Electron ignore --inspect*;
 * refusing them here as well says so instead of starting quietly without them.
 */
export const REFUSED_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'inspect',
  'inspect-brk',
  'inspect-port',
] as const;

export interface LaunchContext {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** app.isPackaged: only an installed app is refused; development keeps its tools. */
  packaged: boolean;
}

/**
 * Why this launch must not go on (the offending switch or variable, as the user typed it), or
 * null. Chromium reads switches with one or two dashes (and, on Windows, a slash).
 */
export function unsafeLaunchReason({ argv, env, packaged }: LaunchContext): string | null {
  if (!packaged) return null;
  for (const arg of argv.slice(1)) {
    const match = /^(?:--?|\/)([a-z-]+)(?:=.*)?$/i.exec(arg);
    const name = match?.[1]?.toLowerCase();
    if (name && (REFUSED_SWITCHES as readonly string[]).includes(name)) return `--${name}`;
  }
  if (env.NODE_TLS_REJECT_UNAUTHORIZED === '0') return 'NODE_TLS_REJECT_UNAUTHORIZED=0';
  return null;
}

export interface StartupFailureDeps {
  log: { error(message: string, details?: unknown): void };
  showErrorBox(title: string, content: string): void;
  exit(code: number): void;
}

/**
 * Logs, tells the user (what happened, where the log is, what to do) and exits with 1. Each step
 * is guarded: a failure to log or to show the box must not keep the process alive.
 */
export function failStartup(
  deps: StartupFailureDeps,
  title: string,
  content: string,
  error?: unknown,
): void {
  try {
    deps.log.error(title, error);
  } catch {
    // the dialog and the exit still follow
  }
  try {
    deps.showErrorBox(title, content);
  } catch {
    // the exit still follows
  }
  deps.exit(1);
}
