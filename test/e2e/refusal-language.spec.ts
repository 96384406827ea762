// A refused change in the window, in both languages: the cloud refuses UpdateKMSEncryption for
// a missing RBAC grant, and the error under the checklist (and the timeline's ended step) say
// so in the window's language: in zh-CN with no English left but ids, codes and names.
// Screenshots at 1280 and 1920 wide (test-results/screens/refusal-*).
import { demoOf } from '../../electron/core/demo';
import { DEMO } from '../../simulator';
import { englishWords } from '../support/english-words';
import { expect, test } from './fixtures';
import { row, shot, startDemo } from './helpers';

for (const locale of ['zh-CN', 'en'] as const) {
  test(`a change refused for RBAC, in ${locale}`, async ({ page, server, core }) => {
    test.setTimeout(120_000);
    await startDemo(page, server.url, locale);
    demoOf(core.context).sim!.control.addFault({
      kind: 'error500',
      product: 'cs',
      action: 'UpdateKMSEncryption',
      status: 403,
      code: 'ForbiddenUpdateKMSState',
    });
    await page.getByTestId('fleet-search').fill('edge-pro-hz-plain');
    await row(page, 'edge-pro-hz-plain').click();
    const panel = page.getByTestId('cluster-panel');
    await panel.locator(`input[type="radio"][value="${DEMO.keys.valid}"]`).check();
    await expect(panel.getByTestId('checklist-verdict')).toHaveClass(/\bready\b/, {
      timeout: 20_000,
    });
    await panel.getByTestId('change-button').click();
    const confirm = page.getByTestId('confirm-change');
    await confirm
      .getByRole('button', { name: locale === 'en' ? 'Enable encryption' : '开启落盘加密' })
      .click();

    // The error under the checklist and the timeline's ended step both say it.
    const errors = panel.getByRole('alert').filter({ hasText: 'ForbiddenUpdateKMSState' });
    await expect(errors).toHaveCount(2, { timeout: 20_000 });
    const error = errors.last();
    const cluster = (await core.api['fleet.snapshot']({}))!.clusters.find(
      (c) => c.name === 'edge-pro-hz-plain',
    )!;
    for (const text of await errors.allInnerTexts()) {
      if (locale === 'zh-CN') {
        expect(text).toContain('RBAC 管理员或运维人员权限');
        // Codes stay as they are: the cloud's, and ours (`cloud`, shown as the error code).
        const own = ['ForbiddenUpdateKMSState', 'cloud', 'edge-pro-hz-plain', cluster.clusterId];
        expect(englishWords(text, own)).toEqual([]);
      } else {
        expect(text).toContain('RBAC Administrator or O&M Engineer (ops) permission');
      }
    }
    await error.scrollIntoViewIfNeeded();
    await shot(page, `refusal-rbac-${locale}-1280`);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await error.scrollIntoViewIfNeeded();
    await shot(page, `refusal-rbac-${locale}-1920`);
  });
}
