// The key picker and the change's action bar in the built renderer, answered by the real core on
// the demo cloud: a key is preselected only when exactly one is recommended, each key says why it
// is (not) recommended, and at 1024x768 the Enable button is on screen and reachable from the
// keyboard without scrolling past the checklist, which it does not cover.
import { DEMO } from '../../simulator';
import { expect, test } from './fixtures';
import { row, shot, startDemo } from './helpers';

test.describe('key picker', () => {
  test('two recommended keys: nothing is preselected, each says why; at 1024x768 the action bar stays on screen', async ({
    page,
    server,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1024, height: 768 });
    await startDemo(page, server.url);
    await page.getByTestId('fleet-search').fill('edge-pro-hz-plain');
    await row(page, 'edge-pro-hz-plain').click();
    const picker = page.getByTestId('cluster-panel').getByTestId('key-picker');
    // demo-retail uses two eligible keys in cn-hangzhou (edge-pro-hz-encrypted's, the cooldown
    // cluster's): both recommended, so the user chooses.
    const used = picker.locator('[data-recommendation="used-here"]');
    await expect(used).toHaveCount(2, { timeout: 20_000 });
    await expect(used.first()).toContainText(
      'this account already uses it in this region (1 cluster)',
    );
    await expect(picker.locator('input[type="radio"]:checked')).toHaveCount(0);
    await expect(
      picker.locator('label', { has: page.locator(`input[value="${DEMO.keys.valid}"]`) }),
    ).toContainText('Not recommended: deletion protection off');
    await expect(picker).toContainText('Automatic rotation is on');
    const actions = page.getByTestId('change-actions');
    await expect(actions).toContainText('Choose a key to run the checklist.');
    await expect(actions.getByTestId('change-button')).toBeDisabled();

    // Choose a key: the checklist runs and the button comes alive in the bar.
    const panel = page.getByTestId('cluster-panel');
    await panel.locator(`input[type="radio"][value="${DEMO.keys.valid}"]`).check();
    await expect(panel.getByTestId('checklist-verdict')).toContainText('Ready', {
      timeout: 20_000,
    });
    // The button is inside the viewport while the checklist is longer than the panel.
    const button = panel.getByTestId('change-button');
    await expect(button).toBeInViewport();
    const scroller = panel.locator('.scroll');
    const { scrollHeight, clientHeight } = await scroller.evaluate((el) => ({
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
    }));
    expect(scrollHeight).toBeGreaterThan(clientHeight);
    // Scrolled to the end, the last check sits wholly above the action bar.
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const lastCheck = panel.locator('[data-check]').last();
    const last = (await lastCheck.boundingBox())!;
    const bar = (await page.getByTestId('change-actions').boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(bar.y);
    await expect(button).toBeInViewport();
    await shot(page, 'cluster-action-bar-1024');

    // Keyboard: from the last control of the checklist, Tab reaches the button.
    await lastCheck.getByRole('button').last().focus();
    for (let i = 0; i < 10 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(button).toBeFocused();
  });

  test('one recommended key is preselected', async ({ page, server, core }) => {
    test.setTimeout(120_000);
    await startDemo(page, server.url);
    // Make demo-retail's only cn-shanghai key recommended: deletion protection on, unused.
    const { accounts } = await core.api['accounts.list']({});
    const retail = accounts.find((a) => a.identity?.accountId === DEMO.accounts.retail.id)!;
    await core.api['fixes.enableDeletionProtection']({
      accountId: retail.id,
      regionId: 'cn-shanghai',
      keyId: DEMO.keys.otherRegion,
    });

    await page.getByTestId('fleet-search').fill('edge-pro-sh-failed');
    await row(page, 'edge-pro-sh-failed').click();
    const panel = page.getByTestId('cluster-panel');
    const key = panel.locator(`input[type="radio"][value="${DEMO.keys.otherRegion}"]`);
    await expect(key).toBeChecked({ timeout: 20_000 });
    await expect(panel.getByTestId('key-picker')).toContainText(
      'Recommended: deletion protection on, used by no cluster',
    );
  });
});
