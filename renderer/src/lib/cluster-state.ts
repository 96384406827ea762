// ACK cluster states as the window names them. The cloud lists more states than we label
// (docs/alibaba-cloud-api.md §4.1); the rest show as "Other" with the raw value beside them.
import type { MessageKey } from './i18n/index.svelte';

/** The states with their own label, in the order the state filter offers them. */
export const LABELLED_STATES = [
  'running',
  'updating',
  'updating_failed',
  'failed',
  'stopped',
  'initial',
  'deleting',
] as const;

const LABELLED: ReadonlySet<string> = new Set(LABELLED_STATES);

export function clusterStateKey(state: string): MessageKey {
  return LABELLED.has(state) ? (`state.${state}` as MessageKey) : 'state.other';
}

/**
 * States that say something went wrong and will not fix itself: `failed` (creation failed),
 * `updating_failed` (an update failed, e.g. a KMS change), `delete_failed`.
 */
export function isFailedState(state: string): boolean {
  return state === 'failed' || state === 'updating_failed' || state === 'delete_failed';
}
