// Every column header of the fleet table is readable at its default width, in both languages, at
// 1280 and 1920 px: no label is cut to "Kuber…" (its text fits its box), sorted by it or not.
// A header shortened to fit says its full name in the tooltip.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startDemo } from './helpers';

/** The headers whose label overflows its box (scrollWidth > clientWidth). */
async function cutHeaders(page: Page): Promise<string[]> {
  return page.getByTestId('cluster-table').evaluate((table) =>
    [...table.querySelectorAll<HTMLElement>('[role="columnheader"][data-column]')]
      .filter((cell) => cell.offsetParent !== null)
      .flatMap((cell) => {
        const label = cell.querySelector<HTMLElement>('.ellipsis')!;
        return label.scrollWidth > label.clientWidth
          ? [`${cell.dataset.column}: ${label.textContent}`]
          : [];
      }),
  );
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`column headers fit their default widths at 1280 and 1920 px (${locale})`, async ({
    page,
    server,
  }) => {
    test.setTimeout(120_000);
    await startDemo(page, server.url, locale);
    const version = page.locator('[role="columnheader"][data-column="version"]');
    await expect(version).toHaveAttribute(
      'title',
      locale === 'en' ? 'Kubernetes version' : 'Kubernetes 版本',
    );
    for (const w of [1280, 1920]) {
      await page.setViewportSize({ width: w, height: w === 1920 ? 1080 : 800 });
      // All but the edition: every demo cluster is ACK Edge Pro, so it is said once, above.
      await expect(page.locator('[role="columnheader"][data-column]')).toHaveCount(8);
      expect(await cutHeaders(page), `at ${w} px`).toEqual([]);
      // Sorted by a column, its header carries the arrow too.
      for (const id of ['name', 'account', 'region', 'encryption', 'state', 'version']) {
        const cell = page.locator(`[role="columnheader"][data-column="${id}"]`);
        await cell.getByRole('button').click();
        await expect(cell).toHaveAttribute('aria-sort', /ascending|descending/);
        expect(await cutHeaders(page), `at ${w} px, sorted by ${id}`).toEqual([]);
      }
    }
  });
}
