// The demo's welcome count and its simulated clock in the window (issue 16 item 9), at 1280 and
// 1920 wide in both languages: the welcome names as many clusters as the fleet then shows, and
// the key guard banner's deletion date and ActionTrail time are labelled as simulated time
// (the demo's cloud runs ahead of the wall clock). Screenshots in test-results/screens/.
import { expect, test } from './fixtures';
import { shot, startDemo } from './helpers';

for (const locale of ['en', 'zh-CN'] as const) {
  for (const width of [1280, 1920]) {
    test(`demo welcome count and simulated times, ${locale} ${width}`, async ({ page, server }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: width === 1280 ? 800 : 1080 });
      await page.goto(`${server.url}/`);
      await page.getByRole('radio', { name: locale === 'en' ? 'EN' : '中文' }).click();
      const summary = page.getByTestId('demo-summary');
      await expect(summary).toContainText(/\d/);
      const promised = Number(/(\d+) (个 )?ACK/.exec(await summary.innerText())?.[1]);
      expect(promised).toBeGreaterThan(0);
      await shot(page, `demo-welcome-${locale}-${width}`);

      await startDemo(page, server.url, locale);
      await expect(page.getByTestId('posture-counts').locator('.total')).toHaveText(
        locale === 'en' ? `${promised} clusters` : `${promised} 个集群`,
      );
      const banner = page.getByTestId('key-guard-banner');
      await expect(banner).toBeVisible({ timeout: 30_000 });
      const label = locale === 'en' ? 'simulated time' : '模拟时间';
      await expect(banner.getByTestId('key-countdown')).toContainText(label);
      await expect(banner.getByTestId('key-who').first()).toContainText(
        locale === 'en' ? /simulated time|ActionTrail/ : /模拟时间|ActionTrail/,
      );
      await shot(page, `demo-banner-${locale}-${width}`);
    });
  }
}
