// The names of every call and event that may cross the process boundary.
// This file is the allowlist: the preload refuses anything not listed here, and the main process
// registers exactly these. It holds strings only, so the sandboxed preload can bundle it cheaply.

export const CALL_NAMES = [
  'app.info',
  'accounts.list',
  'accounts.add',
  'accounts.update',
  'accounts.remove',
  'accounts.test',
  'accounts.importCli.preview',
  'accounts.importCli.apply',
  'fleet.snapshot',
  'fleet.snapshotPage',
  'fleet.refresh',
  'fleet.cluster',
  'fleet.actThrough',
  'keys.list',
  'keys.health',
  'keys.fix',
  'keys.create',
  'checks.run',
  'demo.start',
  'demo.stop',
  'encryption.enable',
  'encryption.disable',
  'operations.list',
  'fixes.authorizeServiceRole',
  'fixes.enableDeletionProtection',
  'verify.run',
  'audit.list',
  'settings.get',
  'settings.update',
  'batch.plan',
  'batch.apply',
  'batch.pause',
  'batch.cancel',
  'batch.get',
  'batch.list',
  'network.vpcs',
  'network.vswitches',
  'clusters.versions',
  'clusters.createDefaults',
  'clusters.createPreflight',
  'clusters.create',
  'creations.list',
  'creations.verify',
] as const;

export const EVENT_NAMES = [
  'app.notice',
  'app.command',
  'accounts.changed',
  'fleet.progress',
  'fleet.updated',
  'operation.progress',
  'batch.progress',
  'keys.report',
  'keys.critical',
  'creation.progress',
] as const;

export type CallName = (typeof CALL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** Electron IPC channel for a call; the prefix keeps our channels apart from anyone else's. */
export const callChannel = (name: CallName): string => `guard:call:${name}`;
/** Electron IPC channel for an event pushed from main to the window. */
export const eventChannel = (name: EventName): string => `guard:event:${name}`;

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && (CALL_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
