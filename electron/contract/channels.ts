// The names of every operation and event that may cross the process boundary.
// This file is the allowlist: the preload refuses anything not listed here, and the main process
// registers exactly these. It holds strings only, so the sandboxed preload can bundle it cheaply.

export const OPERATION_NAMES = [
  'app.info',
  'accounts.list',
  'accounts.add',
  'accounts.update',
  'accounts.remove',
  'accounts.test',
  'accounts.importCli.preview',
  'accounts.importCli.apply',
  'fleet.snapshot',
  'fleet.refresh',
  'fleet.cluster',
  'keys.list',
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
  'creation.progress',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** Electron IPC channel for an operation; the prefix keeps our channels apart from anyone else's. */
export const operationChannel = (name: OperationName): string => `guard:op:${name}`;
/** Electron IPC channel for an event pushed from main to the window. */
export const eventChannel = (name: EventName): string => `guard:event:${name}`;

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && (OPERATION_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
