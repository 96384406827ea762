// The welcome page's demo card names what the demo's simulated cloud holds, from app.info
// (demoCloud: counted as the fleet lists it), in both languages; before app.info has answered
// it says the same without numbers.
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Welcome from '../../../renderer/src/components/Welcome.svelte';
import { app } from '../../../renderer/src/lib/app.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';

const info = {
  name: 'ACK Secret Guard',
  version: '9.9.9',
  platform: 'linux' as const,
  arch: 'x64',
  dataDir: '/tmp/x',
  secretStore: 'secret-service' as const,
  demo: false,
  demoCloud: { accounts: 3, clusters: 14 },
  notices: [],
};

afterEach(() => {
  app.info = null;
  i18n.setLocale('en');
});

describe('Welcome', () => {
  it('counts the demo cloud from app.info, in English and Chinese', () => {
    app.info = info;
    i18n.setLocale('en');
    const { unmount } = render(Welcome);
    expect(screen.getByTestId('demo-summary').textContent?.trim()).toBe(
      'A simulated cloud with 3 accounts and 14 ACK Edge Pro clusters. Nothing reaches Alibaba Cloud.',
    );
    unmount();
    i18n.setLocale('zh-CN');
    render(Welcome);
    expect(screen.getByTestId('demo-summary').textContent?.trim()).toBe(
      '模拟云中有 3 个账号和 14 个 ACK 边缘托管版（Pro）集群，不会访问阿里云。',
    );
  });

  it('follows the number it is given (no count written into the text)', () => {
    app.info = { ...info, demoCloud: { accounts: 1, clusters: 1 } };
    render(Welcome);
    expect(screen.getByTestId('demo-summary').textContent).toContain(
      '1 account and 1 ACK Edge Pro cluster.',
    );
  });

  it('says it without numbers before app.info has answered', () => {
    render(Welcome);
    expect(screen.getByTestId('demo-summary').textContent?.trim()).toBe(
      'A simulated cloud with three accounts and their clusters. Nothing reaches Alibaba Cloud.',
    );
  });
});
