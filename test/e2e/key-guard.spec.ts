// The key guard journey in the browser, against the demo's simulated cloud: someone schedules the
// deletion of a key in use, the next refresh shows the banner with a countdown, "Cancel deletion"
// (confirmed) restores the key, and the banner goes. In both languages, with screenshots.
import { demoOf } from '../../electron/core/demo';
import { DEMO } from '../../simulator';
import { expect, test } from './fixtures';
import { scheduleKeyDeletion, shot, startDemo } from './helpers';

for (const locale of ['en', 'zh-CN'] as const) {
  test(`a key scheduled for deletion: banner, countdown, cancel deletion (${locale})`, async ({
    page,
    core,
    server,
  }) => {
    await startDemo(page, server.url, locale);
    const sim = demoOf(core.context).sim!;
    // The demo ships with a disabled key and one pending deletion: mend them first, so the
    // banner below is about this test's key alone.
    sim.control.keyChange(DEMO.keys.pendingDeletion, { action: 'CancelKeyDeletion' });
    sim.control.keyChange(DEMO.keys.disabledInUse, { action: 'EnableKey' });
    scheduleKeyDeletion(sim, DEMO.keys.protectedInUse);

    await page.getByTestId('refresh').click();
    const banner = page.getByTestId('key-guard-banner');
    await expect(banner).toBeVisible({ timeout: 30_000 });
    const finding = banner.locator(
      `[data-testid="key-finding"][data-key-id="${DEMO.keys.protectedInUse}"]`,
    );
    await expect(finding).toHaveAttribute('data-kind', 'key-pending-deletion', { timeout: 30_000 });
    await expect(banner.getByTestId('key-finding')).toHaveCount(1);
    await expect(finding.getByTestId('key-countdown')).toContainText(
      locale === 'en' ? 'Deleted for good in' : '后彻底删除',
    );
    await expect(finding).toContainText('edge-pro-hz-encrypted');
    await shot(page, `key-guard-banner-${locale}-light`);

    await finding.getByTestId('key-fix-cancel-key-deletion').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText(DEMO.keys.protectedInUse);
    await shot(page, `key-guard-confirm-${locale}-light`);
    await dialog
      .getByRole('button', { name: locale === 'en' ? 'Cancel deletion' : '取消删除', exact: true })
      .click();
    await expect(banner).toHaveCount(0, { timeout: 30_000 });
    expect(sim.control.key(DEMO.keys.protectedInUse)?.state).toBe('Enabled');
    const { entries } = await core.api['audit.list']({ action: 'fix.cancelKeyDeletion' });
    expect(entries.map((e) => [e.keyId, e.result])).toEqual([
      [DEMO.keys.protectedInUse, 'succeeded'],
    ]);
    await shot(page, `key-guard-cleared-${locale}-light`);
  });
}
