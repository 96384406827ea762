import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ConfirmChange from '../../../renderer/src/components/cluster/ConfirmChange.svelte';
import ConfirmDialog from '../../../renderer/src/components/ConfirmDialog.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { createRawSnippet, tick } from 'svelte';

const base = {
  clusterName: 'edge-pro-hz-plain',
  clusterId: 'c123',
  accountName: 'Retail',
  cloudAccountId: '1000000000000001',
  regionId: 'cn-hangzhou',
  keyLabel: 'key-abc',
};

describe('ConfirmChange', () => {
  beforeEach(() => i18n.setLocale('en'));

  it('enable says what will happen: cluster, account, region, key, duration, cooldown', async () => {
    const onconfirm = vi.fn();
    render(ConfirmChange, { ...base, action: 'enable', onconfirm, onclose: vi.fn() });
    const dialog = screen.getByRole('dialog');
    for (const text of [
      'edge-pro-hz-plain',
      'Retail',
      '1000000000000001',
      'cn-hangzhou',
      'key-abc',
      '10 minutes',
      'updating',
      'Keep the key enabled',
      '5 minutes',
    ])
      expect(dialog.textContent).toContain(text);
    await fireEvent.click(screen.getByRole('button', { name: 'Enable encryption' }));
    expect(onconfirm).toHaveBeenCalledOnce();
  });

  it('disable asks to type the cluster name', async () => {
    const onconfirm = vi.fn();
    render(ConfirmChange, { ...base, action: 'disable', onconfirm, onclose: vi.fn() });
    const go = screen.getByRole('button', { name: 'Disable encryption' }) as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    const input = screen.getByTestId('confirm-name');
    await fireEvent.input(input, { target: { value: 'edge-pro-hz' } });
    expect(go.disabled).toBe(true);
    expect(screen.getByText('The name does not match.')).toBeTruthy();
    await fireEvent.input(input, { target: { value: 'edge-pro-hz-plain' } });
    expect(go.disabled).toBe(false);
    await fireEvent.click(go);
    expect(onconfirm).toHaveBeenCalledOnce();
  });

  it('closes on Esc and keeps Tab inside the dialog', async () => {
    const onclose = vi.fn();
    render(ConfirmChange, { ...base, action: 'enable', onconfirm: vi.fn(), onclose });
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    // The dialog focuses its first control after mounting; wait for that first.
    await tick();
    await tick();
    const buttons = screen.getAllByRole('button');
    const last = buttons[buttons.length - 1]!;
    last.focus();
    expect(document.activeElement).toBe(last);
    await fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(buttons[0]);
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onclose).toHaveBeenCalledOnce();
  });
});

describe('ConfirmDialog', () => {
  it('is a labelled modal dialog whose confirm button calls back', async () => {
    i18n.setLocale('zh-CN');
    const onconfirm = vi.fn();
    render(ConfirmDialog, {
      title: '移除账号 A？',
      confirmLabel: '移除',
      danger: true,
      onconfirm,
      onclose: vi.fn(),
      children: createRawSnippet(() => ({ render: () => '<p>正文</p>' })),
    });
    expect(screen.getByRole('dialog', { name: '移除账号 A？' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '取消' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: '移除' }));
    expect(onconfirm).toHaveBeenCalledOnce();
  });
});
