// The typed API between main and renderer. Pure TypeScript: no Node, no DOM, no Electron.
export * from './channels';
export * from './envelope';
export * from './errors';
export * from './display-text';
export type * from './events';
export type * from './operations';
export type * from './types/app';
export * from './types/accounts';
export * from './types/checks';
export type * from './types/fleet';
export type * from './types/keys';
export type * from './types/operations';
export * from './types/settings';
export type * from './types/audit';
export type * from './types/verify';
export type * from './types/demo';
export type * from './types/batch';
export type { GuardBridge, BridgeTransport } from './bridge';
