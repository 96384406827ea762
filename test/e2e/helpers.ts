// Shared steps of the renderer journeys: start the demo from the welcome page, find rows, and
// save screenshots under test-results/screens/.
import type { Page } from '@playwright/test';
import type { Simulator } from '../../simulator';
import { expect } from './fixtures';

export async function startDemo(page: Page, serverUrl: string, locale: 'en' | 'zh-CN' = 'en') {
  await page.goto(`${serverUrl}/`);
  await page.getByRole('radio', { name: locale === 'en' ? 'EN' : '中文' }).click();
  await page.getByTestId('start-demo').click();
  await expect(page.getByTestId('demo-badge')).toBeVisible({ timeout: 20_000 });
  await expect(
    page.getByTestId('cluster-table').locator('[role="row"][data-cluster-id]').first(),
  ).toBeVisible({
    timeout: 30_000,
  });
  // Wait for the refresh to settle (the progress strip goes away).
  await expect(page.getByTestId('refresh-progress')).toHaveCount(0, { timeout: 30_000 });
}

export function row(page: Page, clusterName: string) {
  return page
    .getByTestId('cluster-table')
    .locator('[role="row"][data-cluster-id]')
    .filter({ hasText: clusterName })
    .first();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}

/** Someone turns a key's deletion protection off and schedules its deletion, in the cloud. */
export function scheduleKeyDeletion(sim: Simulator, keyId: string, days = 7): void {
  sim.control.keyChange(keyId, {
    action: 'SetDeletionProtection',
    enableDeletionProtection: false,
  });
  sim.control.keyChange(keyId, { action: 'ScheduleKeyDeletion', pendingWindowInDays: days });
}
