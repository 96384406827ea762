// reasons: the batch view's skipped reasons and the create preflight in the window's language,
// worded from the core's messages; in zh-CN no English is left (visible-english.ts). Screenshots
// at 1280 and 1920 wide in both languages (test-results/screens/reasons-*).
import type { Page } from '@playwright/test';
import { DEMO } from '../../simulator';
import { expect, test } from './fixtures';
import { shot, startDemo } from './helpers';
import { visibleEnglish } from './visible-english';

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

async function shots(page: Page, name: string): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await shot(page, `${name}-${size.width}`);
  }
}

for (const locale of ['en', 'zh-CN'] as const) {
  const zh = locale === 'zh-CN';
  test(`batch reasons and the create preflight in ${locale}`, async ({ page, server, core }) => {
    test.setTimeout(240_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await startDemo(page, server.url, locale);

    // A batch over Retail's clusters: the encrypted, unusable and keyless ones are skipped.
    await page.getByTestId('fleet-search').fill('retail');
    await page.getByTestId('select-all').click();
    await page.getByTestId('batch-start').click();
    // Hangzhou gets its key; the other regions are left without one (skipped: choose a key).
    // Its own group's picker: the groups' keys arrive in any order, and another region's picker
    // (without this key) can be the first one shown.
    const group = page.locator('[data-testid="batch-group"][data-region-id="cn-hangzhou"]');
    await expect(group).toHaveCount(1);
    const hangzhou = group.getByTestId('batch-key');
    const failed = group.getByRole('alert');
    await expect(hangzhou.or(failed)).toBeVisible({ timeout: 30_000 });
    // Keys that could not be read fail here with the reason, not at a select that never fills.
    expect(await failed.allInnerTexts()).toEqual([]);
    await hangzhou.selectOption(DEMO.keys.valid);
    await page.getByTestId('batch-plan-button').click();
    await expect(page.getByTestId('batch-plan')).toBeVisible({ timeout: 60_000 });
    const skipped = page.getByTestId('batch-skipped');
    await expect(skipped).toBeVisible();
    const why = skipped.locator('td.why');
    expect(await why.count()).toBeGreaterThan(0);
    // The reasons are the core's sentences in the language (a check's title leads its summary).
    const reasons = (await why.allInnerTexts()).join('\n');
    if (zh) {
      expect(reasons).toMatch(/[\u4e00-\u9fff]/);
      expect(reasons).not.toMatch(/\b(the|is|not|could|already)\b/);
    } else {
      expect(reasons).toMatch(/already encrypted|Cluster state|Key /);
    }
    await shots(page, `reasons-batch-${locale}`);
    if (zh) expect(await visibleEnglish(page, core)).toEqual([]);

    // The create preflight with a pod CIDR inside the VPC: the overlap fails, with its fix.
    await page.setViewportSize(WIDTHS[0]);
    await page
      .getByRole('navigation')
      .getByRole('button', { name: zh ? '集群' : 'Clusters', exact: true })
      .click();
    await page
      .getByRole('button', { name: zh ? '创建集群（开启加密）' : 'New cluster with encryption' })
      .click();
    const dialog = page.getByTestId('create-dialog');
    await dialog
      .getByTestId('create-account')
      .selectOption({ label: 'Demo · retail (root account)' });
    await dialog.getByTestId('create-region').fill('cn-hangzhou');
    await dialog.getByTestId('create-name').fill('edge-01');
    await expect(dialog.getByTestId('create-vpc')).toHaveValue('vpc-hzdemoretail0001', {
      timeout: 20_000,
    });
    await dialog.getByTestId('create-pod-cidr').fill('192.168.0.0/16');
    const key = dialog.locator(`input[type="radio"][value="${DEMO.keys.valid}"]`);
    await expect(key).toBeVisible({ timeout: 20_000 });
    await key.check();
    await dialog.getByTestId('create-check').click();
    const overlap = dialog.locator('[data-check="network.cidrOverlap"]');
    await expect(overlap).toHaveAttribute('data-status', 'fail', { timeout: 30_000 });
    await expect(overlap.locator('.summary')).toContainText(
      zh
        ? 'Pod 网段 192.168.0.0/16 与 vpc-hzdemoretail0001'
        : 'The pod CIDR 192.168.0.0/16 overlaps',
    );
    await expect(overlap.locator('.fix')).toContainText(
      zh ? '请选择 VPC 之外的 Pod 和 Service 网段' : 'Choose pod and Service CIDRs outside the VPC',
    );
    // Evidence in words, not field names.
    await overlap.getByRole('button', { name: zh ? '依据' : 'Evidence' }).click();
    await expect(overlap.locator('dl.evidence')).toContainText(zh ? 'Pod 网段' : 'Pod CIDR');
    await shots(page, `reasons-preflight-${locale}`);
    // The preflight (the request preview beside it is JSON, Terraform and a command: code).
    if (zh) expect(await visibleEnglish(page, core, dialog.getByTestId('preflight'))).toEqual([]);
    expect(errors).toEqual([]);
  });
}
