// The settings slice of the contract, and the settings the other rooms read. Built before the
// core's context: the cloud limits every call waits on come from here, and follow each update.
import type { CoreApi, Message } from '../../contract';
import type { AppSettings } from '../../contract/types/settings';
import { CloudLimits } from '../cloud/session';
import { SettingsStore } from './store';

export interface SettingsService {
  /** The settings in force (a copy). */
  readonly current: AppSettings;
  /** Why settings.json could not be used at start (the defaults are in use), or null. */
  readonly problem: Message | null;
  /** The concurrency limits for cloud calls, changed in place by settings.update. */
  readonly cloudLimits: CloudLimits;
}

export function createSettingsApi(
  dataDir: string,
  /** Explicit limits (tests, bench) win over the user's settings at start. */
  explicitLimits: { global?: number; perAccount?: number } = {},
): { api: Pick<CoreApi, 'settings.get' | 'settings.update'>; service: SettingsService } {
  const store = new SettingsStore(dataDir);
  const configured = store.current;
  const cloudLimits = new CloudLimits(
    explicitLimits.global ?? configured.cloud.concurrency,
    explicitLimits.perAccount ?? configured.cloud.concurrencyPerAccount,
  );
  return {
    api: {
      'settings.get': async () => store.current,
      'settings.update': async (patch) => {
        const next = await store.update(patch);
        cloudLimits.set(next.cloud.concurrency, next.cloud.concurrencyPerAccount);
        return next;
      },
    },
    service: {
      get current() {
        return store.current;
      },
      problem: store.problem,
      cloudLimits,
    },
  };
}
