// The journeys of issue 7 through the built renderer, answered by the real core and the demo
// account's in-process simulator: first run -> demo -> fleet -> cluster -> checklist with a
// failing check explained -> enable with an eligible key -> timeline to running -> disable;
// a wrong secret shows the field error; a throttled region fails beside the others.
import { demoOf } from '../../electron/core/demo';
import { DEMO } from '../../simulator';
import { expect, test } from './fixtures';
import { row, shot, startDemo } from './helpers';

test.describe('journeys', () => {
  test('first run -> demo -> fleet -> cluster -> failing check -> enable -> running -> disable', async ({
    page,
    server,
    core,
  }) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/`);
    await page.getByRole('radio', { name: 'EN' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No accounts yet');
    await expect(page.getByRole('button', { name: 'Add account' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import profiles' })).toBeVisible();
    await startDemo(page, server.url);

    // Posture counts at the top; the demo badge and the current account are visible.
    await expect(page.getByTestId('posture-counts')).toContainText('encrypted');
    await expect(page.getByTestId('current-account')).toContainText('All accounts');

    // A cluster whose RAM user lacks AliyunKMSCryptoAdminAccess: the check fails and says why.
    await page.getByTestId('fleet-search').fill('lg-edge-pro-hz-admin');
    await expect(page.getByTestId('fleet-shown')).toContainText('1 of');
    await row(page, 'lg-edge-pro-hz-admin').click();
    const panel = page.getByTestId('cluster-panel');
    await expect(panel.getByRole('heading', { name: 'lg-edge-pro-hz-admin' })).toBeVisible();
    const kmsCheck = panel.locator('[data-check="caller.kmsCryptoAdmin"]');
    await expect(kmsCheck).toHaveAttribute('data-status', 'fail', { timeout: 20_000 });
    await expect(kmsCheck).toContainText('AliyunKMSCryptoAdminAccess');
    await expect(kmsCheck.getByRole('link', { name: 'Open console' })).toHaveAttribute(
      'href',
      /^https:\/\/ram\.console\.aliyun\.com\//,
    );
    await kmsCheck.getByRole('button', { name: 'Evidence' }).click();
    await expect(kmsCheck).toContainText('field-engineer');
    await expect(panel.getByTestId('change-button')).toBeDisabled();
    // Esc closes the panel.
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);

    // Enable on the happy-path cluster with an eligible key.
    await page.getByTestId('fleet-search').fill('edge-pro-hz-plain');
    await row(page, 'edge-pro-hz-plain').click();
    await expect(panel.getByTestId('key-picker')).toContainText('alias/ack-secrets-hz');
    // Ineligible keys are greyed with their reasons.
    await expect(panel.getByTestId('key-picker')).toContainText('Automatic rotation is on');
    await panel.locator(`input[type="radio"][value="${DEMO.keys.valid}"]`).check();
    await expect(panel.getByTestId('checklist-verdict')).toContainText('Ready', {
      timeout: 20_000,
    });
    await panel.getByTestId('change-button').click();
    const confirm = page.getByTestId('confirm-change');
    await expect(confirm).toContainText('edge-pro-hz-plain');
    await expect(confirm).toContainText('cn-hangzhou');
    await expect(confirm).toContainText(DEMO.keys.valid);
    await expect(confirm).toContainText('10 minutes');
    await expect(confirm).toContainText('5 minutes');
    await confirm.getByRole('button', { name: 'Enable encryption' }).click();

    const timeline = panel.getByTestId('timeline');
    await expect(timeline).toBeVisible();
    const sim = demoOf(core.context).sim!;
    // The simulated cloud moves to `updating`, then we jump past the 10-minute change.
    await expect(timeline.locator('[data-step="timeline.updating"]')).toHaveClass(/done|current/);
    await page.waitForTimeout(500);
    sim.control.advance(620);
    await expect(timeline).toHaveAttribute('data-outcome', 'succeeded', { timeout: 30_000 });
    await expect(timeline.locator('[data-step="timeline.running"]')).toHaveClass(/done/);
    await shot(page, 'timeline-en-light');

    // Posture follows. The same cluster is now in its cooldown: the checklist says so.
    await expect(panel.locator('dd').filter({ hasText: 'Encrypted' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(panel.locator('[data-check="cluster.cooldown"]')).toHaveAttribute(
      'data-status',
      'fail',
      { timeout: 20_000 },
    );
    await page.keyboard.press('Escape');

    // Disable on an encrypted cluster (typing the cluster name to confirm).
    await page.getByTestId('fleet-search').fill('edge-pro-hz-encrypted');
    await row(page, 'edge-pro-hz-encrypted').click();
    await expect(panel.getByTestId('checklist-verdict')).toContainText('Ready', {
      timeout: 20_000,
    });
    await panel.getByTestId('change-button').click();
    const disable = page.getByTestId('confirm-change');
    const go = disable.getByRole('button', { name: 'Disable encryption' });
    await expect(go).toBeDisabled();
    await disable.getByTestId('confirm-name').fill('edge-pro-hz-encrypte');
    await expect(disable).toContainText('The name does not match');
    await shot(page, 'confirm-disable-en-light');
    await disable.getByTestId('confirm-name').fill('edge-pro-hz-encrypted');
    await go.click();
    await expect(timeline).toHaveAttribute('data-phase', /requested|updating/);
    await page.waitForTimeout(500);
    sim.control.advance(620);
    await expect(timeline).toHaveAttribute('data-outcome', 'succeeded', { timeout: 30_000 });
    await expect(panel.locator('dd').filter({ hasText: 'Not encrypted' })).toBeVisible({
      timeout: 20_000,
    });
    expect(errors).toEqual([]);
  });

  test('adding an account with a wrong secret shows the field error', async ({
    page,
    server,
    core,
  }) => {
    await startDemo(page, server.url);
    const sim = demoOf(core.context).sim!;
    await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
    await page.getByTestId('add-account').click();
    const form = page.getByTestId('account-form');
    // Field-level validation before anything is sent.
    await form.getByRole('button', { name: 'Check and save' }).click();
    await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('Name').fill('Wrong secret');
    await form.getByLabel('AccessKey ID').fill(DEMO.accessKeys.retailRoot);
    await form.getByLabel('AccessKey Secret').fill('not-the-right-secret-000');
    await form.getByLabel('Endpoint override (optional)').fill(sim.url);
    await form.getByRole('button', { name: 'Check and save' }).click();
    const secret = form.getByLabel('AccessKey Secret');
    await expect(secret).toHaveAttribute('aria-invalid', 'true', { timeout: 15_000 });
    await expect(form).toContainText('does not belong to the AccessKey ID');
    // The secret was wiped from the form after the call.
    await expect(secret).toHaveValue('');
    await shot(page, 'account-form-error-en-light');
  });

  test('a throttled region shows as failed beside the others', async ({ page, server, core }) => {
    await startDemo(page, server.url);
    const sim = demoOf(core.context).sim!;
    sim.control.addFault({ kind: 'throttle', product: 'cs', regionId: 'cn-shanghai', count: 1000 });
    await page.getByTestId('refresh').click();
    const failures = page.getByTestId('fleet-failures');
    await expect(failures).toBeVisible({ timeout: 45_000 });
    await expect(failures.locator('li[data-region="cn-shanghai"]').first()).toContainText(
      'throttled',
    );
    // The other regions' clusters are still in the table.
    await expect(row(page, 'edge-pro-hz-plain')).toBeVisible();
    await expect(row(page, 'edge-pro-bj-disabled-key')).toBeVisible();
    await shot(page, 'fleet-throttled-en-light');
  });
});
