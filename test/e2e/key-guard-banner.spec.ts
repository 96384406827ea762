// The key guard banner beside an open cluster at 1280x800: the demo ships two critical key
// findings, and the banner folds to one line (count, worst finding, "Show") so the cluster
// panel's checklist keeps its room; the fold outlasts a trip to another screen, and a new finding
// worse than the ones folded away opens it again.
import type { Locator, Page } from '@playwright/test';
import { demoOf } from '../../electron/core/demo';
import { DEMO } from '../../simulator';
import { expect, test } from './fixtures';
import { row, scheduleKeyDeletion, shot, startDemo } from './helpers';

/** Checks of the checklist wholly inside the panel's scrolling area, the checklist at its top. */
async function visibleChecks(page: Page, panel: Locator): Promise<number> {
  await panel.getByTestId('checklist').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  return panel.locator('.scroll').evaluate((scroller) => {
    const box = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll('[data-check]')].filter((item) => {
      const r = item.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    }).length;
  });
}

/**
 * The checks a folded banner leaves on screen at 1280x800, the first one (a warning with its fix)
 * the tallest; the unfolded banner (about 190 px) leaves one.
 */
const CHECKS_FOLDED = 4;

for (const locale of ['en', 'zh-CN'] as const) {
  test(`the key guard banner folds to one line beside an open cluster (${locale})`, async ({
    page,
    server,
    core,
  }) => {
    test.setTimeout(150_000);
    await startDemo(page, server.url, locale);
    const banner = page.getByTestId('key-guard-banner');
    await expect(banner.getByTestId('key-finding')).toHaveCount(2, { timeout: 30_000 });
    const toggle = banner.getByTestId('key-guard-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');

    await page.getByTestId('fleet-search').fill('edge-pro-hz-plain');
    await row(page, 'edge-pro-hz-plain').click();
    const panel = page.getByTestId('cluster-panel');
    await panel.locator(`input[type="radio"][value="${DEMO.keys.valid}"]`).check();
    await expect(panel.getByTestId('checklist-verdict')).toBeVisible({ timeout: 20_000 });
    const unfolded = await visibleChecks(page, panel);
    await shot(page, `key-guard-unfolded-${locale}-light`);

    // Folded from the keyboard: one line, the worst finding (the key pending deletion) named.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(banner.getByTestId('key-finding').first()).toBeHidden();
    const worst = banner.getByTestId('key-guard-worst');
    await expect(worst).toContainText(DEMO.keys.pendingDeletion);
    const height = (await banner.boundingBox())!.height;
    expect(height).toBeLessThan(40);
    const folded = await visibleChecks(page, panel);
    await shot(page, `key-guard-folded-${locale}-light`);
    expect(folded).toBeGreaterThanOrEqual(CHECKS_FOLDED);
    expect(folded).toBeGreaterThan(unfolded);

    // The fold outlasts another screen and back.
    await page.keyboard.press('Escape');
    await page
      .getByRole('navigation')
      .getByRole('button', { name: locale === 'en' ? 'Settings' : '设置', exact: true })
      .click();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: locale === 'en' ? 'Clusters' : '集群', exact: true })
      .click();
    await expect(banner.getByTestId('key-guard-toggle')).toHaveAttribute('aria-expanded', 'false');

    // A new finding less urgent than the worst one folded away (its deletion is further off):
    // named on the folded line, inside the banner's alert region.
    const sim = demoOf(core.context).sim!;
    scheduleKeyDeletion(sim, DEMO.keys.protectedInUse);
    await page.getByTestId('refresh').click();
    await expect(banner.getByTestId('key-finding')).toHaveCount(3, { timeout: 30_000 });
    await expect(banner.getByTestId('key-guard-fresh')).toContainText(DEMO.keys.protectedInUse);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await shot(page, `key-guard-folded-fresh-${locale}-light`);

    // The worst one mended elsewhere: the new one is now the worst, and the banner opens.
    sim.control.keyChange(DEMO.keys.pendingDeletion, { action: 'CancelKeyDeletion' });
    await page.getByTestId('refresh').click();
    await expect(banner.getByTestId('key-finding')).toHaveCount(2, { timeout: 30_000 });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(banner.getByTestId('key-finding').first()).toHaveAttribute(
      'data-key-id',
      DEMO.keys.protectedInUse,
    );
  });
}
