// Sending a journaled write (UpdateKMSEncryption, CreateCluster) once and recording its outcome.
// retry.ts never repeats a write whose answer did not come back, so what comes back is one of
// three things, and every journal records them the same way:
// - answered: the cloud took the request (its ids are journaled);
// - uncertain: no usable answer (network error, an answer too large to read): the request may
//   have landed, so the follower watches the cloud to find out — it is never sent again;
// - refused: the cloud said no; the change ends `rejected` and the caller's error is thrown.
// The send is separate from the recording: a journal that cannot be written after the cloud
// answered is a storage error, never mistaken for the cloud's refusal.
import { CloudError } from './errors';

export type UncertainWhy = 'network' | 'tooLarge';

export interface WriteOnceHooks<A> {
  now: () => number;
  /** The cloud's clock reading to journal with the answer (simulated time only). */
  cloudAt: () => { cloudAt?: number };
  answered: (answer: A, at: number, cloud: { cloudAt?: number }) => Promise<void>;
  uncertain: (why: UncertainWhy, at: number, cloud: { cloudAt?: number }) => Promise<void>;
  /** Records the refusal (ended, rejected) and returns the error to throw on. */
  refused: (error: unknown, at: number) => Promise<unknown>;
}

/** What a room's send needs to journal a write's outcome and report a refusal. */
export interface JournaledSendDeps<R, V> {
  now: () => number;
  /** The cloud's clock reading to journal with the answer (simulated time only). */
  cloudAt: () => { cloudAt?: number };
  record: (record: R) => Promise<void>;
  /** The cloud refused: the ended view is shown and reported before the error is thrown on. */
  ended: (view: V) => Promise<void>;
}

/** Whether a failed write may have reached the cloud all the same. */
export function mayHaveLanded(error: unknown): error is CloudError & { kind: UncertainWhy } {
  return error instanceof CloudError && (error.kind === 'network' || error.kind === 'tooLarge');
}

/** Sends once; resolves when answered or uncertain (recorded), throws when refused (recorded). */
export async function sendWriteOnce<A>(send: () => Promise<A>, hooks: WriteOnceHooks<A>) {
  let answer: A;
  try {
    answer = await send();
  } catch (error) {
    const at = hooks.now();
    if (mayHaveLanded(error)) {
      await hooks.uncertain(error.kind, at, hooks.cloudAt());
      return;
    }
    throw await hooks.refused(error, at);
  }
  await hooks.answered(answer, hooks.now(), hooks.cloudAt());
}
