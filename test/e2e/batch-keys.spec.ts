// Batches across customers in the window: the setup shows each (account, region) with its own
// key picker; a group with no compliant key gets "Create a compliant key here" behind a dialog
// that says what will be created; the created key fills the group; the plan shows the mapping.
import { DEMO } from '../../simulator';
import { expect, test } from './fixtures';
import { shot, startDemo } from './helpers';

for (const { locale, width } of [
  { locale: 'en' as const, width: 1280 },
  { locale: 'zh-CN' as const, width: 1920 },
]) {
  test(`batch across accounts: a key per group, a key created here (${locale}, ${width}px)`, async ({
    page,
    server,
  }) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width, height: 900 });
    await startDemo(page, server.url, locale);

    // Retail's and Logistics' clusters in Hangzhou.
    await page.getByTestId('fleet-search').fill('edge-pro-hz-');
    await page.getByTestId('select-all').click();
    await page.getByTestId('batch-start').click();

    const setup = page.getByTestId('batch-setup');
    const group = (accountName: RegExp) =>
      setup.getByTestId('batch-group').filter({ hasText: accountName });
    const logistics = group(/logistics/);
    const retail = group(/retail/);
    await expect(setup.getByTestId('batch-group')).toHaveCount(2, { timeout: 20_000 });
    await expect(retail.getByTestId('batch-key')).toBeVisible({ timeout: 20_000 });
    // Two protected keys qualify for Retail: nothing preselected, and a key can be created.
    await expect(retail.getByTestId('batch-key')).toHaveValue('');
    await expect(retail.getByTestId('batch-create-key')).toBeVisible();
    await expect(logistics.getByTestId('batch-key')).toHaveValue('');
    await shot(page, `batch-keys-setup-${locale}-${width}`);

    await retail.getByTestId('batch-create-key').click();
    const dialog = page.getByTestId('create-key-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('create-key-region')).toHaveText('cn-hangzhou');
    await expect(dialog).toContainText('Aliyun_AES_256 · ENCRYPT/DECRYPT');
    await expect(dialog.getByTestId('create-key-alias')).toHaveValue(
      'alias/ack-secret-guard-cn-hangzhou',
    );
    await shot(page, `batch-keys-create-dialog-${locale}-${width}`);
    await dialog.getByTestId('create-key-confirm').click();
    await expect(dialog).toHaveCount(0, { timeout: 20_000 });
    // The new key fills the group.
    await expect(retail.getByTestId('batch-key')).toHaveValue(/^key-/);
    const created = await retail.getByTestId('batch-key').inputValue();
    expect(created).not.toBe(DEMO.keys.valid);
    await expect(retail.getByTestId('batch-key').locator('option:checked')).toContainText(
      'alias/ack-secret-guard-cn-hangzhou',
    );
    await shot(page, `batch-keys-setup-filled-${locale}-${width}`);

    // Logistics is left without a key: its clusters are skipped, and the mapping says so.
    await setup.getByTestId('batch-plan-button').click();
    const plan = page.getByTestId('batch-plan');
    await expect(plan).toHaveAttribute('data-state', 'planned', { timeout: 60_000 });
    const mapping = plan.getByTestId('batch-mapping-row');
    await expect(mapping).toHaveCount(2);
    await expect(
      plan.locator('[data-testid="batch-mapping-row"][data-source="given"]'),
    ).toContainText(created);
    await expect(
      plan.locator('[data-testid="batch-mapping-row"][data-source="none"]'),
    ).toContainText(locale === 'en' ? 'no key for' : '没有密钥'); // the reason in the window's language
    await shot(page, `batch-keys-plan-${locale}-${width}`);
    expect(errors).toEqual([]);
  });
}
