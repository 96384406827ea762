// The "New cluster with encryption" journey in both languages, through the built renderer
// answered by the real core and the demo account's simulator: form with pickers -> preflight ->
// request preview (body / Terraform / aliyun CLI) -> confirm by typing the name -> timeline to
// running and verified. And the fallback when the cloud ignores the key.
import type { Page } from '@playwright/test';
import { demoOf } from '../../electron/core/demo';
import { DEMO } from '../../simulator';
import { expect, test } from './fixtures';
import { shot, startDemo } from './helpers';

const TEXT = {
  en: { open: 'New cluster with encryption', ready: 'Ready', verified: 'verified' },
  'zh-CN': { open: '创建集群（开启加密）', ready: '可以创建', verified: '已验证' },
} as const;

async function fillForm(page: Page, name: string) {
  const dialog = page.getByTestId('create-dialog');
  await dialog
    .getByTestId('create-account')
    .selectOption({ label: 'Demo · retail (root account)' });
  await dialog.getByTestId('create-region').fill('cn-hangzhou');
  await dialog.getByTestId('create-name').fill(name);
  await expect(dialog.getByTestId('create-vpc')).toHaveValue('vpc-hzdemoretail0001', {
    timeout: 20_000,
  });
  // The default CIDRs avoid the VPC's 192.168.0.0/16.
  await expect(dialog.getByTestId('create-service-cidr')).toHaveValue('172.21.0.0/20');
  await expect(dialog.getByTestId('create-vsw-vsw-hzdemonewsite001')).toBeChecked();
  await expect(dialog.locator(`input[type="radio"][value="${DEMO.keys.valid}"]`)).toBeVisible({
    timeout: 20_000,
  });
  await dialog.locator(`input[type="radio"][value="${DEMO.keys.valid}"]`).check();
  return dialog;
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`create an Edge Pro cluster with encryption (${locale})`, async ({ page, server, core }) => {
    test.setTimeout(240_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await startDemo(page, server.url, locale);
    await page.getByRole('button', { name: TEXT[locale].open }).click();
    const name = `edge-new-${locale === 'en' ? 'en' : 'zh'}`;
    const dialog = await fillForm(page, name);
    await shot(page, `create-form-${locale}`);
    await dialog.getByTestId('create-check').click();
    await expect(dialog.getByTestId('preflight-verdict')).toContainText(TEXT[locale].ready, {
      timeout: 30_000,
    });
    await expect(dialog.locator('[data-check="key.rotation"]')).toHaveAttribute(
      'data-status',
      'pass',
    );
    // The request preview: body, Terraform, aliyun CLI.
    const preview = dialog.getByTestId('request-preview');
    await expect(preview.getByTestId('request-text')).toContainText('"encryption_provider_key"');
    await preview.getByTestId('request-tab-terraform').click();
    await expect(preview.getByTestId('request-text')).toContainText(
      'resource "alicloud_cs_managed_kubernetes"',
    );
    await preview.getByTestId('request-tab-cli').click();
    await expect(preview.getByTestId('request-text')).toContainText('aliyun cs POST /clusters');
    await shot(page, `create-preview-${locale}`);
    // Confirm by typing the name: the button stays off until it matches.
    await expect(dialog.getByTestId('create-submit')).toBeDisabled();
    await dialog.getByTestId('create-typed-name').fill(name.slice(0, -1));
    await expect(dialog.getByTestId('create-submit')).toBeDisabled();
    await dialog.getByTestId('create-typed-name').fill(name);
    await dialog.getByTestId('create-submit').click();
    const timeline = dialog.getByTestId('creation-timeline');
    await expect(timeline).toBeVisible();
    await expect(timeline.getByTestId('task-stage')).toBeVisible({ timeout: 30_000 });
    await shot(page, `create-timeline-${locale}`);
    // 900 simulated seconds at the demo's 20x; then the ActionTrail proof.
    await expect(timeline).toHaveAttribute('data-outcome', 'verified', { timeout: 150_000 });
    await expect(timeline.getByTestId('creation-proof')).toHaveAttribute('data-status', 'verified');
    await shot(page, `create-verified-${locale}`);
    const sim = demoOf(core.context).sim!;
    const created = [...sim.control.world.clusters.values()].find((c) => c.name === name);
    expect(created?.encryption?.keyId).toBe(DEMO.keys.valid);
    expect(errors).toEqual([]);
  });
}

test('says plainly when the cloud created the cluster without the key, and offers the fallback', async ({
  page,
  server,
  core,
}) => {
  test.setTimeout(240_000);
  await startDemo(page, server.url, 'en');
  demoOf(core.context).sim!.control.addFault({ kind: 'ignoreKeyAtCreate' });
  await page.getByRole('button', { name: TEXT.en.open }).click();
  const dialog = await fillForm(page, 'edge-ignored');
  await dialog.getByTestId('create-check').click();
  await expect(dialog.getByTestId('preflight-verdict')).toContainText('Ready', { timeout: 30_000 });
  await dialog.getByTestId('create-typed-name').fill('edge-ignored');
  await dialog.getByTestId('create-submit').click();
  const fallback = dialog.getByTestId('creation-fallback');
  await expect(fallback).toBeVisible({ timeout: 150_000 });
  await expect(fallback).toContainText('WITHOUT Secret encryption');
  await expect(
    fallback.getByRole('button', { name: 'Open the cluster to enable encryption' }),
  ).toBeVisible();
  await shot(page, 'create-fallback-en');
});
