// The checklist in Chinese, from the core's message keys: the specific summary of a blocked
// network path, its exact fix with a Copy button, and evidence as labelled words (no raw field
// names such as securityGroup.https.decision). Screenshot: test-results/screens/.
import { DEMO } from '../../simulator';
import { expect, test } from './fixtures';
import { row, shot, startDemo } from './helpers';

test('zh-CN checklist: specific summary, fix with copy, readable evidence', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await startDemo(page, server.url, 'zh-CN');
  await row(page, 'edge-pro-sz-blocked-acl').click();
  const panel = page.getByTestId('cluster-panel');
  // The picker preselects only a sole recommended key: take the first eligible one.
  await panel
    .locator('[data-testid="key-picker"] input[type="radio"]:not([disabled])')
    .first()
    .check();
  const egress = panel.locator('[data-check="network.kmsEgress"]');
  await expect(egress).toHaveAttribute('data-status', 'fail', { timeout: 30_000 });
  await expect(egress.getByTestId('check-summary')).toContainText(
    'KMS 插件无法访问 kms-vpc.cn-shenzhen.aliyuncs.com（100.64.0.0/10）',
  );
  await expect(egress.getByTestId('check-fix')).toContainText('在网络 ACL');
  await expect(egress.getByTestId('check-fix')).toContainText('100.64.0.0/10');
  await expect(egress.getByTestId('check-fix-copy')).toHaveText('100.64.0.0/10');
  await egress.getByRole('button', { name: '复制 100.64.0.0/10' }).click();
  await expect(egress.getByRole('status')).toHaveText(/已复制|无法复制/);

  await egress.getByRole('button', { name: '依据' }).click();
  const evidence = egress.locator('dl');
  await expect(evidence).toContainText('判定依据');
  await expect(evidence).toContainText('安全组，HTTPS（TCP 443）：结果');
  await expect(evidence).toContainText(/网络 ACL nacl-[\w-]+，出方向：判定/);
  await expect(evidence).not.toContainText('securityGroup.https.decision');
  await expect(evidence).not.toContainText('implicitDeny');
  await egress.scrollIntoViewIfNeeded();
  await shot(page, 'checklist-messages-zh-CN');
  expect(DEMO.clusters.blockedAcl).toBeTruthy();
});
