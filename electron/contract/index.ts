// The typed API between main and renderer. Pure TypeScript: no Node, no DOM, no Electron.
export * from './channels';
export * from './envelope';
export * from './errors';
export type * from './events';
export type * from './operations';
export type * from './types/app';
export type { GuardBridge, BridgeTransport } from './bridge';
