import { defineConfig } from '@playwright/test';

// The real shell, launched by Playwright's _electron. Run through `npm run test:electron`,
// which first checks that an Electron binary exists.
export default defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/electron',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
});
