import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Checklist from '../../../renderer/src/components/cluster/Checklist.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { failingChecklist } from './fixtures';

describe('Checklist', () => {
  beforeEach(() => i18n.setLocale('en'));

  it('says what it could not confirm when that is why the change is not ready', () => {
    const unknownKey = {
      ...failingChecklist,
      checks: failingChecklist.checks.filter((c) => c.status !== 'fail'),
      unconfirmed: ['key.state' as const],
    };
    const { unmount } = render(Checklist, { checklist: unknownKey });
    expect(screen.getByTestId('checklist-verdict').textContent).toContain('1 item blocks');
    expect(screen.getByTestId('checklist-unconfirmed').textContent).toContain(
      'Could not confirm Key state',
    );
    unmount();
    i18n.setLocale('zh-CN');
    render(Checklist, { checklist: unknownKey });
    expect(screen.getByTestId('checklist-unconfirmed').textContent).toContain('无法确认密钥状态');
  });

  it('names the key both ways when it was chosen by alias or ARN', () => {
    const { unmount } = render(Checklist, { checklist: failingChecklist });
    expect(screen.queryByTestId('checklist-key')).toBeNull();
    unmount();
    render(Checklist, {
      checklist: { ...failingChecklist, keyId: 'key-abc', keyRef: 'alias/ack-secrets' },
    });
    expect(screen.getByTestId('checklist-key').textContent).toContain(
      'Key alias/ack-secrets is key-abc in this region',
    );
  });

  it('lists failures first with their status, explanation and console link', () => {
    const { container } = render(Checklist, { checklist: failingChecklist });
    const items = [...container.querySelectorAll('[data-check]')].map((e) =>
      e.getAttribute('data-check'),
    );
    expect(items).toEqual([
      'caller.kmsCryptoAdmin',
      'role.csManagedSecurity',
      'key.deletionProtection',
      'cluster.state',
    ]);
    expect(screen.getByTestId('checklist-verdict').textContent).toContain('2 items block');
    const kms = container.querySelector('[data-check="caller.kmsCryptoAdmin"]') as HTMLElement;
    expect(within(kms).getByRole('img', { name: 'Fail' })).toBeTruthy();
    expect(kms.textContent).toContain('needs the AliyunKMSCryptoAdminAccess system policy');
    const link = within(kms).getByRole('link', { name: 'Open console' });
    expect(link.getAttribute('href')).toBe('https://ram.console.aliyun.com/users');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener');
  });

  it('never links to a non-https or non-Alibaba URL', () => {
    const { container } = render(Checklist, { checklist: failingChecklist });
    const warn = container.querySelector('[data-check="key.deletionProtection"]') as HTMLElement;
    expect(within(warn).queryByRole('link')).toBeNull();
  });

  it('shows evidence on demand', async () => {
    const { container } = render(Checklist, { checklist: failingChecklist });
    const kms = container.querySelector('[data-check="caller.kmsCryptoAdmin"]') as HTMLElement;
    expect(kms.textContent).not.toContain('REQ-2');
    const toggle = within(kms).getByRole('button', { name: 'Evidence' });
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(kms.textContent).toContain('REQ-2');
    expect(kms.textContent).toContain('acs:ram::1:user/field-engineer');
  });

  it('offers the in-app fix when one exists and reports which', async () => {
    const onfix = vi.fn();
    render(Checklist, { checklist: failingChecklist, onfix });
    await fireEvent.click(screen.getByRole('button', { name: 'Authorise the service role…' }));
    expect(onfix).toHaveBeenCalledWith(
      'authorize-service-role',
      expect.objectContaining({ id: 'role.csManagedSecurity' }),
    );
  });

  it('labels its loading state and speaks Chinese', () => {
    i18n.setLocale('zh-CN');
    render(Checklist, { checklist: null, loading: true });
    expect(screen.getByRole('status').textContent).toContain('正在运行检查清单');
  });
});
