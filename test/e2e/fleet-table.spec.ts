// The fleet table at the widths people use: columns resized (mouse and keyboard) and hidden, both
// remembered after a restart (reload); the cluster panel as a split beside the table; the selection
// scoped to the filters and the account. Screenshots at 1024, 1280 and 1920 px in both languages
// and themes (test-results/screens/fleet-<width>-<locale>-<scheme>.png).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { row, shot, startDemo } from './helpers';

const table = (page: Page) => page.getByTestId('cluster-table');
const header = (page: Page, column: string) =>
  table(page).locator(`[role="columnheader"][data-column="${column}"]`);
const width = async (page: Page, column: string) =>
  Math.round((await header(page, column).boundingBox())!.width);

test('columns resize by drag and by keyboard, hide from the menu, and stay so after a restart', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await startDemo(page, server.url);

  // Drag the account column's right edge 80 px to the right.
  const before = await width(page, 'account');
  const handle = page.getByTestId('resize-account');
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => width(page, 'account')).toBe(before + 80);
  // The rows follow the header.
  const cell = row(page, 'edge-pro-hz-plain').locator('[role="gridcell"]').nth(2);
  expect(Math.round((await cell.boundingBox())!.width)).toBe(before + 80);

  // Keyboard: focus the region column's handle, two steps right.
  const region = await width(page, 'region');
  await page.getByTestId('resize-region').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => width(page, 'region')).toBe(region + 32);

  // Hide the Kubernetes version from the column menu; the name cannot be hidden.
  await page.getByTestId('column-menu').click();
  await expect(page.getByTestId('column-toggle-name')).toBeDisabled();
  await page.getByTestId('column-toggle-version').uncheck();
  await expect(header(page, 'version')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // A restart: the window reads its settings again.
  await page.reload();
  await expect(row(page, 'edge-pro-hz-plain')).toBeVisible({ timeout: 30_000 });
  await expect(header(page, 'version')).toHaveCount(0);
  expect(await width(page, 'account')).toBe(before + 80);
  expect(await width(page, 'region')).toBe(region + 32);

  // And back to the defaults.
  await page.getByTestId('column-menu').click();
  await page.getByTestId('column-reset').click();
  await expect(header(page, 'version')).toHaveCount(1);
  expect(Math.abs((await width(page, 'account')) - before)).toBeLessThanOrEqual(2);
});

test('the cluster panel is a split beside the table: it shrinks the table, resizes, and is remembered', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await startDemo(page, server.url);
  await row(page, 'edge-pro-hz-plain').click();
  const panel = page.getByTestId('panel-pane');
  await expect(page.getByTestId('cluster-panel')).toBeVisible();
  const tableBox = (await table(page).boundingBox())!;
  const panelBox = (await panel.boundingBox())!;
  // Side by side, not on top of each other; the table keeps a usable width at 1024 px.
  expect(tableBox.x + tableBox.width).toBeLessThanOrEqual(panelBox.x);
  expect(tableBox.width).toBeGreaterThanOrEqual(290);
  expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(1024);

  // Keyboard on the split handle: ← widens the panel, as far as the table's minimum allows.
  const splitter = page.getByTestId('panel-splitter');
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(async () => Math.round((await panel.boundingBox())!.width))
    .toBe(Math.round(panelBox.width) - 24);
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  const widest = Math.round((await panel.boundingBox())!.width);
  expect(Math.round((await table(page).boundingBox())!.width)).toBeGreaterThanOrEqual(290);

  // Drag it back 100 px to the right: the panel narrows by as much.
  const s = (await splitter.boundingBox())!;
  await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
  await page.mouse.down();
  await page.mouse.move(s.x + s.width / 2 + 100, s.y + s.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await panel.boundingBox())!.width)).toBe(widest - 100);

  await page.reload();
  await expect(row(page, 'edge-pro-hz-plain')).toBeVisible({ timeout: 30_000 });
  await row(page, 'edge-pro-hz-plain').click();
  await expect.poll(async () => Math.round((await panel.boundingBox())!.width)).toBe(widest - 100);
});

test('the selection line counts what the filters hide; a batch asks about them', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await startDemo(page, server.url);
  const bar = page.getByTestId('selection-bar');
  await page.getByTestId('fleet-search').fill('retail edge-pro-hz-');
  const rows = table(page).locator('[role="row"][data-cluster-id]');
  await expect(rows).toHaveCount(4);
  await page.getByTestId('select-all').click();
  await expect(page.getByTestId('selection-count')).toHaveText('4 selected');

  // Narrow the filter: three of the four go out of sight.
  await page.getByTestId('fleet-search').fill('retail edge-pro-hz-plain');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('selection-count')).toHaveText('4 selected, 3 hidden by filters');
  await bar.getByTestId('batch-start').click();
  const ask = page.getByTestId('batch-hidden');
  await expect(ask.getByTestId('batch-hidden-text')).toContainText(
    '3 of the 4 selected clusters are hidden by the filters.',
  );
  await expect(ask.getByTestId('batch-all')).toHaveText('All 4 selected clusters');
  await expect(ask.getByTestId('batch-visible')).toHaveText('Only the visible cluster');
  await shot(page, 'fleet-selection-hidden-en-light');
  await ask.getByTestId('batch-visible').click();

  // The batch is set up for the one visible cluster only.
  await expect(page.getByTestId('batch-setup')).toBeVisible({ timeout: 20_000 });
  // (The setup names the count, not the clusters; "1 cluster" whatever its plural becomes.)
  await expect(page.getByTestId('batch-setup')).toContainText(/\b1 clusters? in 1 account/);
});

test('switching to one account keeps only that account’s ticks; all accounts keeps them', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await startDemo(page, server.url);
  await page.getByTestId('select-all').click();
  const all = await table(page)
    .getAttribute('aria-rowcount')
    .then((n) => Number(n) - 1);
  await expect(page.getByTestId('selection-count')).toHaveText(`${all} selected`);

  await page.getByTestId('filter-account').selectOption({ index: 1 });
  const shown = table(page).locator('[role="row"][data-cluster-id]');
  await expect.poll(() => table(page).getAttribute('aria-rowcount')).not.toBe(String(all + 1));
  const inAccount = Number(await table(page).getAttribute('aria-rowcount')) - 1;
  expect(inAccount).toBeLessThan(all);
  // Every tick left is on screen: nothing hidden, nothing from another account.
  await expect(page.getByTestId('selection-count')).toHaveText(`${inAccount} selected`);
  await expect(shown.first()).toHaveAttribute('aria-selected', 'true');

  // Back to every account: the other accounts' ticks do not come back.
  await page.getByTestId('filter-account').selectOption('all');
  await expect(page.getByTestId('selection-count')).toHaveText(`${inAccount} selected`);
});

for (const locale of ['en', 'zh-CN'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`fleet at 1024, 1280 and 1920 px in ${locale}, ${scheme}`, async ({ page, server }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 800 });
      await startDemo(page, server.url, locale);
      for (const w of [1024, 1280, 1920]) {
        await page.setViewportSize({ width: w, height: w === 1920 ? 1080 : 768 });
        // The key column is on screen and each key shows its name, not only its health.
        const key = header(page, 'key');
        const keyBox = (await key.boundingBox())!;
        expect(keyBox.x + keyBox.width).toBeLessThanOrEqual(w);
        const riskyKey = row(page, 'edge-pro-bj-disabled-key').locator('.key-name');
        await expect(riskyKey).toBeVisible();
        expect((await riskyKey.boundingBox())!.width).toBeGreaterThan(40);
        await shot(page, `fleet-${w}-${locale}-${scheme}`);
      }
      await row(page, 'edge-pro-bj-disabled-key').click();
      await expect(page.getByTestId('cluster-panel')).toBeVisible();
      for (const w of [1024, 1280, 1920]) {
        await page.setViewportSize({ width: w, height: w === 1920 ? 1080 : 768 });
        const t = (await table(page).boundingBox())!;
        const p = (await page.getByTestId('panel-pane').boundingBox())!;
        expect(t.x + t.width).toBeLessThanOrEqual(p.x);
        await shot(page, `fleet-panel-${w}-${locale}-${scheme}`);
      }
    });
  }
}
