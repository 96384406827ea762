// `npm run bench`: the benchmark (README), run by Playwright (it drives Chromium for the
// renderer figures and runs the core's figures in the same worker). One worker, serial, long
// timeouts; not part of `npm test`.
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: '../test-results/bench',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 300_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
    },
  },
});
