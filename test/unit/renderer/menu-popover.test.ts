// The toolbar's two popovers (Export, Columns) share MenuPopover's keyboard: ArrowDown opens on
// the first item, the arrows move and wrap, Esc closes and gives the focus back (without closing
// what the menu sits in), Tab and a click outside close it, and a pick closes it.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ColumnMenu from '../../../renderer/src/components/fleet/ColumnMenu.svelte';
import ExportMenu from '../../../renderer/src/components/fleet/ExportMenu.svelte';
import { DEFAULT_LAYOUT } from '../../../renderer/src/lib/fleet/columns';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';

const focused = () => document.activeElement as HTMLElement;

beforeEach(() => i18n.setLocale('en'));

describe('Export menu', () => {
  it('opens with ArrowDown on its first item, moves and wraps with the arrows', async () => {
    render(ExportMenu, { onexport: vi.fn() });
    const button = screen.getByTestId('export');
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu');
    expect(button.getAttribute('aria-controls')).toBe(menu.id);
    const items = screen.getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Export CSV', 'Export JSON']);
    expect(focused()).toBe(items[0]);
    await fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focused()).toBe(items[1]);
    await fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focused()).toBe(items[0]);
    await fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(focused()).toBe(items[1]);
  });

  it('Esc closes it and gives the focus back, without reaching what it sits in', async () => {
    const outer = vi.fn();
    document.addEventListener('keydown', outer);
    render(ExportMenu, { onexport: vi.fn() });
    const button = screen.getByTestId('export');
    await fireEvent.click(button);
    await fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(focused()).toBe(button);
    expect(outer).not.toHaveBeenCalled();
    document.removeEventListener('keydown', outer);
  });

  it('a pick exports and closes; Tab and a click outside close it', async () => {
    const onexport = vi.fn();
    render(ExportMenu, { onexport });
    const button = screen.getByTestId('export');
    await fireEvent.click(button);
    await fireEvent.click(screen.getAllByRole('menuitem')[1]!);
    expect(onexport).toHaveBeenCalledWith('json');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(focused()).toBe(button);

    await fireEvent.click(button);
    await fireEvent.keyDown(screen.getByRole('menu'), { key: 'Tab' });
    expect(screen.queryByRole('menu')).toBeNull();

    await fireEvent.click(button);
    await fireEvent.click(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(onexport).toHaveBeenCalledOnce();
  });

  it('stays shut while disabled', async () => {
    render(ExportMenu, { onexport: vi.fn(), disabled: true });
    expect((screen.getByTestId('export') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('Columns menu', () => {
  it('the same keyboard over its boxes: the name box (always shown) is skipped', async () => {
    const onchange = vi.fn();
    render(ColumnMenu, { layout: DEFAULT_LAYOUT, sameEdition: null, onchange });
    const button = screen.getByTestId('column-menu');
    expect(button.getAttribute('aria-haspopup')).toBe('true');
    await fireEvent.keyDown(button, { key: 'ArrowDown' });
    const group = screen.getByRole('group');
    expect(focused()).toBe(screen.getByTestId('column-toggle-account'));
    await fireEvent.keyDown(group, { key: 'ArrowUp' });
    expect(focused()).toBe(screen.getByTestId('column-reset'));
    await fireEvent.keyDown(group, { key: 'ArrowDown' });
    expect(focused()).toBe(screen.getByTestId('column-toggle-account'));
    // Ticking a box keeps the menu open (several columns are often changed at once).
    await fireEvent.click(screen.getByTestId('column-toggle-version'));
    expect(onchange).toHaveBeenCalledWith({ widths: {}, hidden: ['version'] });
    expect(screen.getByRole('group')).toBeTruthy();
    // The short header's full name.
    expect(screen.getByTestId('column-toggle-version').closest('label')!.textContent).toContain(
      'Kubernetes version',
    );
    await fireEvent.keyDown(screen.getByRole('group'), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(focused()).toBe(button);
  });
});
