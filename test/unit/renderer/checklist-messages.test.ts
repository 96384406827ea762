// The checklist in the UI language: the core's specific summary and fix (from their message keys),
// the copyable part of the fix with a Copy button, and evidence as labelled words, not field names.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Checklist from '../../../renderer/src/components/cluster/Checklist.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { message } from '../../../electron/contract';
import type { Checklist as ChecklistData } from '../../../electron/contract';

const RULE = 'Allow, all protocols, all ports (-1/-1), destination 100.64.0.0/10, priority 1';
const list: ChecklistData = {
  clusterId: 'c-1',
  accountId: 'acc-1',
  regionId: 'cn-hangzhou',
  action: 'enable',
  keyId: 'key-1',
  ready: false,
  unconfirmed: [],
  checkedAt: '2026-11-29T00:00:00Z',
  checks: [
    {
      id: 'network.kmsEgress',
      status: 'fail',
      summary: 'English summary',
      message: message('check.egress.blocked', {
        host: 'kms-vpc.cn-hangzhou.aliyuncs.com',
        cidr: '100.64.0.0/10',
        reason: 'the advanced group denies it',
      }),
      evidence: {
        'securityGroup.https.decision': 'implicitDeny',
        'securityGroup.https.verdict': 'fail',
        securityGroupId: 'sg-1',
      },
      fix: {
        hint: 'English hint',
        messages: [message('fix.egress.addSgRule', { sgId: 'sg-1', cidr: '100.64.0.0/10' })],
        copy: RULE,
      },
    },
  ],
};

function clipboard(writeText: ((text: string) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: writeText ? { writeText } : undefined,
  });
}

describe('Checklist messages', () => {
  beforeEach(() => i18n.setLocale('zh-CN'));
  afterEach(() => {
    clipboard(undefined);
    i18n.setLocale('en');
  });

  it('shows the specific summary and fix in Chinese', () => {
    const { container } = render(Checklist, { checklist: list });
    const item = container.querySelector('[data-check="network.kmsEgress"]') as HTMLElement;
    expect(within(item).getByTestId('check-summary').textContent).toBe(
      'KMS 插件无法访问 kms-vpc.cn-hangzhou.aliyuncs.com（100.64.0.0/10）：流量被拦截（详见依据中的“判定依据”）。',
    );
    expect(within(item).getByTestId('check-fix').textContent).toContain(
      '在安全组 sg-1 中添加出方向规则：允许，全部协议，全部端口（-1/-1），目的 100.64.0.0/10，优先级 1。',
    );
    expect(item.textContent).not.toContain('English');
  });

  it('copies the rule, and says so', async () => {
    const writeText = vi.fn(async () => undefined);
    clipboard(writeText);
    render(Checklist, { checklist: list });
    await fireEvent.click(screen.getByRole('button', { name: `复制 ${RULE}` }));
    expect(writeText).toHaveBeenCalledWith(RULE);
    expect((await screen.findByRole('status')).textContent).toBe('已复制。');
  });

  it('says when the clipboard refused', async () => {
    clipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    render(Checklist, { checklist: list });
    await fireEvent.click(screen.getByRole('button', { name: `复制 ${RULE}` }));
    expect((await screen.findByRole('status')).textContent).toContain('无法复制');
  });

  it('shows evidence as labelled words, never raw field names', async () => {
    const { container } = render(Checklist, { checklist: list });
    const item = container.querySelector('[data-check="network.kmsEgress"]') as HTMLElement;
    await fireEvent.click(within(item).getByRole('button', { name: '依据' }));
    const text = item.querySelector('dl')!.textContent!;
    expect(text).toContain('安全组，HTTPS（TCP 443）：判定');
    expect(text).toContain('默认拒绝（没有规则允许）');
    expect(text).toMatch(/安全组，HTTPS（TCP 443）：结果\s*未通过/);
    expect(text).not.toContain('securityGroup.https.decision');
    expect(text).not.toContain('implicitDeny');
  });

  it('uses the English words in English', () => {
    i18n.setLocale('en');
    render(Checklist, { checklist: list });
    expect(screen.getByTestId('check-summary').textContent).toBe(
      'The KMS plugin cannot reach kms-vpc.cn-hangzhou.aliyuncs.com (100.64.0.0/10): the advanced group denies it',
    );
  });
});
