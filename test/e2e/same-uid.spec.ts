// Two saved accounts of one Alibaba Cloud account in the window: the demo's RAM user of
// demo-logistics, and that account's root AccessKey saved beside it. Each cluster is one row;
// its panel says it is also reachable via the other account and lets the user act through it
// (the checklist runs again through the chosen one). Screenshots at 1280 and 1920, both languages.
import type { Page } from '@playwright/test';
import type { Core } from '../../electron/core/service';
import { DEMO, demoCredentials } from '../../simulator';
import { expect, test } from './fixtures';
import { row, shot, startDemo } from './helpers';

const ROOT_NAME = 'Logistics root';

async function saveLogisticsRoot(core: Core): Promise<string> {
  const { accounts } = await core.api['accounts.list']({});
  const endpoint = accounts.find((a) => a.demo)!.network.endpoint!;
  const secret = demoCredentials().find((c) => c.accessKeyId === DEMO.accessKeys.logisticsRoot)!;
  const { account } = await core.api['accounts.add']({
    kind: 'access-key',
    name: ROOT_NAME,
    colour: 'grey',
    accessKeyId: secret.accessKeyId,
    accessKeySecret: secret.accessKeySecret,
    network: { endpoint },
  });
  return account.id;
}

async function panelShots(page: Page, name: string): Promise<void> {
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 1080 });
    await shot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`a cluster reachable via two saved accounts is one row, acting through the chosen one (${locale})`, async ({
    page,
    server,
    core,
  }) => {
    test.setTimeout(120_000);
    await startDemo(page, server.url, locale);
    const rootId = await saveLogisticsRoot(core);
    await core.api['fleet.refresh']({});

    const admin = page
      .getByTestId('cluster-table')
      .locator(`[role="row"][data-cluster-id="${DEMO.clusters.logisticsAdmin}"]`);
    await expect(admin).toHaveCount(1);
    await row(page, 'lg-edge-pro-hz-admin').click();
    const panel = page.getByTestId('cluster-panel');
    await expect(panel.getByTestId('also-reachable')).toHaveText(ROOT_NAME, { timeout: 20_000 });
    const label = locale === 'en' ? 'Act through' : '操作使用的账号';
    const select = panel.getByLabel(label);
    await expect(select).toHaveValue(/.+/);
    const before = await select.inputValue();
    expect(before).not.toBe(rootId); // the RAM user acts before the root (merge.ts rule 2)
    await panelShots(page, `also-reachable-${locale}`);

    await select.selectOption(rootId);
    await expect(select).toHaveValue(rootId, { timeout: 20_000 });
    await expect(panel.getByTestId('also-reachable')).not.toHaveText(ROOT_NAME);
    const after = (await core.api['fleet.snapshot']({}))!.clusters.filter(
      (c) => c.clusterId === DEMO.clusters.logisticsAdmin,
    );
    expect(after.map((c) => c.accountId)).toEqual([rootId]);
  });
}
