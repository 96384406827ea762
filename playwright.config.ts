import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium';
import { defineConfig } from '@playwright/test';

// The built renderer in Debian's Chromium (see test/support/chromium.ts).

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
});
