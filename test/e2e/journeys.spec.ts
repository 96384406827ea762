// The user journeys through the built renderer, answered by the real core and the demo
// account's in-process simulator: first run -> demo -> fleet -> cluster -> checklist with a
// failing check explained -> enable with an eligible key -> timeline to running -> disable;
// a wrong secret shows the field error; a throttled region fails beside the others.
import { readFileSync } from 'node:fs';
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
    test.setTimeout(240_000);
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
    // Its only key has deletion protection off: not recommended, so nothing is preselected.
    const logisticsKey = panel.locator(`input[type="radio"][value="${DEMO.keys.logistics}"]`);
    await expect(logisticsKey).not.toBeChecked();
    await logisticsKey.check();
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
    // The simulated cloud moves to `updating` and ends the 10-minute change in ~30 s (20x). No
    // clock jump here: verify.run maps journal times to the cloud's clock assuming it ran
    // continuously, so a jump would hide the change event from the proof (see the report).
    await expect(timeline.locator('[data-step="timeline.updating"]')).toHaveClass(/done|current/);
    await expect(timeline).toHaveAttribute('data-outcome', 'succeeded', { timeout: 60_000 });
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

    // The ActionTrail proof: pending first (ActionTrail lags), verified once the simulated
    // cloud's clock has moved past the lag; the timeline's last step lights up from it.
    const proof = panel.getByTestId('proof');
    await expect(proof).toHaveAttribute('data-status', /pending|verified/, { timeout: 20_000 });
    if ((await proof.getAttribute('data-status')) === 'pending') {
      await expect(panel.getByTestId('proof-recheck')).toContainText('10 minutes');
      await expect(timeline.locator('[data-step="timeline.verified"]')).toHaveClass(/current/);
      await shot(page, 'proof-pending-en-light');
    }
    // ActionTrail catches up as the simulated cloud runs on; "check again" asks once more.
    await expect(async () => {
      if ((await proof.getAttribute('data-status')) !== 'verified')
        await proof.getByTestId('proof-recheck-button').click();
      await expect(proof).toHaveAttribute('data-status', 'verified', { timeout: 2_000 });
    }).toPass({ timeout: 90_000, intervals: [3_000] });
    await expect(timeline.locator('[data-step="timeline.verified"]')).toHaveClass(/done/);
    await expect(proof.getByTestId('proof-kms-events')).toContainText(
      /aliyuncsmanagedsecurityrole/i,
    );
    await expect(proof.getByTestId('proof-change-event')).toBeVisible();
    await shot(page, 'proof-verified-en-light');
    const [receipt] = await Promise.all([
      page.waitForEvent('download'),
      proof.getByTestId('save-receipt').click(),
    ]);
    expect(receipt.suggestedFilename()).toMatch(/^verify-receipt-edge-pro-hz-plain-.*\.json$/);
    const saved = JSON.parse(readFileSync((await receipt.path())!, 'utf8'));
    expect(saved).toMatchObject({
      kind: 'ack-secret-guard.verify-receipt',
      cluster: { name: 'edge-pro-hz-plain' },
      verification: { status: 'verified' },
    });
    const [text] = await Promise.all([
      page.waitForEvent('download'),
      proof.getByTestId('save-receipt-text').click(),
    ]);
    expect(text.suggestedFilename()).toMatch(/\.txt$/);
    expect(readFileSync((await text.path())!, 'utf8')).toContain('verification receipt');
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

  test('editing an account: a rename and a role edit are sent in the account kind’s own shape', async ({
    page,
    server,
  }) => {
    await startDemo(page, server.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
    const rows = page.locator('tr[data-account-id]');
    await expect(rows.first()).toBeVisible();
    for (const kind of ['AccessKey', 'RAM role']) {
      // The demo has both kinds (core/demo/service.ts).
      const row = rows.filter({ hasText: kind }).first();
      await expect(row).toBeVisible();
      const id = await row.getAttribute('data-account-id');
      await row.getByRole('button', { name: 'Edit' }).click();
      const form = page.getByTestId('account-form');
      const name = form.getByLabel('Name', { exact: true });
      const renamed = `${await name.inputValue()} (edited)`;
      await name.fill(renamed);
      // A role edit that changes how it is assumed: checked live (AssumeRole) before saving.
      if (kind === 'RAM role') await form.getByLabel('Session name').fill('guard-e2e-edit');
      await form.getByRole('button', { name: 'Check and save' }).click();
      await expect(form).toBeHidden({ timeout: 15_000 });
      await expect(page.locator(`tr[data-account-id="${id}"]`)).toContainText(renamed);
    }
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
    // The failed region keeps its rows as last listed (issue 16 item 2), and the banner says so.
    await expect(row(page, 'edge-pro-sh-failed')).toBeVisible();
    await expect(failures).toContainText('as last listed');
    await shot(page, 'fleet-throttled-en-light');
  });
  test('a batch over a few demo clusters: select, plan, apply, progress; activity lists it', async ({
    page,
    server,
    core,
  }) => {
    test.setTimeout(150_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await startDemo(page, server.url);
    const sim = demoOf(core.context).sim!;

    // Tick three clusters: a click, then a Shift-click for the range.
    await page.getByTestId('fleet-search').fill('retail edge-pro-hz-');
    const rows = page.getByTestId('cluster-table').locator('[role="row"][data-cluster-id]');
    await expect(rows).toHaveCount(4);
    await rows.nth(0).getByTestId('select-cluster').click();
    await rows
      .nth(2)
      .getByTestId('select-cluster')
      .click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('selection-bar')).toContainText('3 selected');
    // Space on the active row ticks it too (keyboard).
    await page.getByTestId('cluster-table').press('End');
    await page.getByTestId('cluster-table').press(' ');
    await expect(page.getByTestId('selection-bar')).toContainText('4 selected');
    await shot(page, 'fleet-selection-en-light');
    await page.getByTestId('batch-start').click();

    // Plan: enable with the region's eligible key.
    const setup = page.getByTestId('batch-setup');
    await expect(setup).toContainText('4 clusters in 1 account and 1 region');
    await expect(setup.getByTestId('batch-key')).toBeVisible({ timeout: 20_000 });
    await setup.getByTestId('batch-key').selectOption(DEMO.keys.valid);
    await shot(page, 'batch-setup-en-light');
    await setup.getByTestId('batch-plan-button').click();
    const plan = page.getByTestId('batch-plan');
    await expect(plan).toHaveAttribute('data-state', 'planned', { timeout: 60_000 });
    await expect(plan.getByTestId('batch-ready')).toContainText('edge-pro-hz-plain');
    await expect(plan.getByTestId('batch-skipped')).toContainText('edge-pro-hz-encrypted');
    await shot(page, 'batch-plan-en-light');

    // Apply, with a confirmation; then watch it.
    await plan.getByTestId('batch-apply').click();
    const confirm = page.getByTestId('confirm-batch');
    await expect(confirm).toContainText('5 minutes');
    await confirm.getByRole('button', { name: /^Enable on \d+ clusters?$/ }).click();
    await expect(plan).toHaveAttribute('data-state', /applying|ended/, { timeout: 20_000 });
    await expect(plan.locator('[data-state="running"]').first()).toBeVisible({ timeout: 20_000 });
    await shot(page, 'batch-applying-en-light');
    for (let i = 0; i < 8; i += 1) {
      if ((await plan.getAttribute('data-state')) === 'ended') break;
      await page.waitForTimeout(1000);
      sim.control.advance(400);
    }
    await expect(plan).toHaveAttribute('data-state', 'ended', { timeout: 60_000 });
    await expect(
      plan.getByTestId('batch-ready').locator('[data-state="succeeded"]'),
    ).not.toHaveCount(0);
    await shot(page, 'batch-ended-en-light');

    // Activity: the audit log lists the changes, filterable.
    await page.getByRole('navigation').getByRole('button', { name: 'Activity' }).click();
    const audit = page.getByTestId('audit-table');
    await expect(audit).toContainText('edge-pro-hz-plain', { timeout: 20_000 });
    await expect(audit).toContainText('Batch change');
    await page.getByTestId('audit-filter-action').selectOption('encryption.enable');
    await expect(audit.locator('tbody tr').first()).toContainText('Enable encryption');
    await expect(audit.locator('tbody tr[data-action="batch.apply"]')).toHaveCount(0);
    await page.getByTestId('audit-filter-result').selectOption('succeeded');
    await expect(audit).toContainText('edge-pro-hz-plain');
    await shot(page, 'activity-en-light');
    expect(errors).toEqual([]);
  });
});
