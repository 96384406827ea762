import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import AboutPanel from '../../../renderer/src/components/AboutPanel.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';

const info = {
  name: 'ACK Secret Guard',
  version: '9.9.9',
  platform: 'darwin' as const,
  arch: 'arm64',
  dataDir: '/Users/a/Library/Application Support/ACK Secret Guard',
  secretStore: 'macos-keychain' as const,
  demo: false,
  demoCloud: { accounts: 3, clusters: 14 },
  notices: [],
};

describe('AboutPanel', () => {
  it('shows the app information in the chosen language', () => {
    i18n.setLocale('en');
    render(AboutPanel, { info, error: null });
    expect(screen.getByText('9.9.9')).toBeTruthy();
    expect(screen.getByText('macOS Keychain')).toBeTruthy();
    expect(screen.getByText(info.dataDir)).toBeTruthy();
  });

  it('says it is loading, and shows an error as an alert', () => {
    i18n.setLocale('zh-CN');
    const { unmount } = render(AboutPanel, { info: null, error: null });
    expect(screen.getByRole('status').textContent).toBe('正在读取应用信息…');
    unmount();
    render(AboutPanel, { info: null, error: 'bridge missing' });
    expect(screen.getByRole('alert').textContent).toContain('bridge missing');
  });
});
