// The typed API between main and renderer. Pure TypeScript: no Node, no DOM, no Electron.
export * from './channels';
export * from './envelope';
export * from './errors';
export * from './region-id';
export * from './display-text';
export * from './message-of';
export * from './messages';
export * from './regions';
export * from './snapshot-pages';
export * from './simulated-clock';
export type * from './events';
export type * from './calls';
export type * from './types/app';
export * from './types/accounts';
export * from './account-rules';
export * from './types/checks';
export type * from './types/fleet';
export type * from './types/keys';
export type * from './types/key-guard';
export type * from './types/operations';
export * from './types/settings';
export * from './types/audit';
export type * from './types/verify';
export type * from './types/demo';
export type * from './types/batch';
export type { GuardBridge, BridgeTransport } from './bridge';
export * from './key-ref';
export * from './key-choice';
export * from './key-recommendation';
export * from './reachable';
export * from './types/provision';
// provision-spec.ts builds a zod schema at load: like schemas.ts it stays out of this index, so
// importing an error class from here does not load zod (the CLI's --version start-up).
export type { ClusterSpecInput } from './provision-spec';
