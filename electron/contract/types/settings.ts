// Core-wide settings (window preferences such as language and theme stay in the renderer).

export interface AppSettings {
  cloud: {
    /**
     * Cloud calls in flight across all accounts: a bound for this machine (sockets, CPU, the
     * main process's event loop), not for the cloud, whose quotas are per account.
     */
    concurrency: number;
    /** Cloud calls in flight per account (its API quota is per account). */
    concurrencyPerAccount: number;
  };
  changes: {
    /** Stop following a change after this long (it may still end in the cloud). */
    timeLimitMinutes: number;
  };
}

export const DEFAULT_SETTINGS: AppSettings = {
  cloud: { concurrency: 800, concurrencyPerAccount: 8 },
  changes: { timeLimitMinutes: 60 },
};

/** The bounds the schemas enforce (shown by the UI next to each field). */
export const SETTINGS_BOUNDS = {
  concurrency: { min: 4, max: 1024 },
  concurrencyPerAccount: { min: 1, max: 32 },
  timeLimitMinutes: { min: 20, max: 240 },
} as const;
