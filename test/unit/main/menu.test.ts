import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';
import { mainStrings, pickMainLocale } from '../../../electron/main/strings';

function build(platform: NodeJS.Platform, locale: 'zh-CN' | 'en', development = false) {
  const actions = { refreshFleet: vi.fn(), openDataFolder: vi.fn(), openLogs: vi.fn() };
  const template = buildMenuTemplate({
    strings: mainStrings(locale),
    platform,
    development,
    actions,
  });
  return { template, actions };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

const byId = (items: MenuItemConstructorOptions[], id: string) => {
  const item = flatten(items).find((i) => i.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
};

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('locale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en-US', 'en'],
    ['de', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s -> %s', (appLocale, expected) => {
    expect(pickMainLocale(appLocale)).toBe(expected);
  });

  it('has every string in both languages, and they differ', () => {
    const en = mainStrings('en');
    const zh = mainStrings('zh-CN');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(zh[key], key).not.toBe('');
      expect(zh[key], key).not.toBe(en[key]);
    }
  });
});

describe('application menu', () => {
  it('carries the app commands, in English and in Chinese', () => {
    const en = build('linux', 'en');
    expect(byId(en.template, 'fleet.refresh').label).toBe('Refresh Fleet');
    expect(byId(en.template, 'open.data').label).toBe('Open Data Folder');
    expect(byId(en.template, 'open.logs').label).toBe('Open Logs');
    const zh = build('win32', 'zh-CN');
    expect(byId(zh.template, 'fleet.refresh').label).toBe('刷新集群列表');
    expect(byId(zh.template, 'open.data').label).toBe('打开数据文件夹');
    expect(zh.template.map((i) => i.label)).toEqual([
      '文件(&F)',
      '编辑(&E)',
      '视图(&V)',
      '窗口(&W)',
      '帮助(&H)',
    ]);
  });

  it('wires each command to its action', () => {
    const { template, actions } = build('linux', 'en');
    click(byId(template, 'fleet.refresh'));
    click(byId(template, 'open.data'));
    click(byId(template, 'open.logs'));
    expect(actions.refreshFleet).toHaveBeenCalledOnce();
    expect(actions.openDataFolder).toHaveBeenCalledOnce();
    expect(actions.openLogs).toHaveBeenCalledOnce();
  });

  it('has the usual roles: edit (copy and paste work in inputs), zoom, window, quit', () => {
    const roles = flatten(build('linux', 'en').template)
      .map((i) => i.role)
      .filter(Boolean);
    for (const role of [
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'togglefullscreen',
      'minimize',
      'close',
      'quit',
    ]) {
      expect(roles, role).toContain(role);
    }
  });

  it('uses the macOS layout on macOS', () => {
    const { template } = build('darwin', 'en');
    expect(template[0]!.role).toBe('appMenu');
    const roles = flatten(template).map((i) => i.role);
    expect(roles).toContain('hide');
    expect(roles.filter((r) => r === 'quit')).toHaveLength(1);
  });

  it('offers reload and developer tools only while developing', () => {
    const roles = (development: boolean) =>
      flatten(build('linux', 'en', development).template).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('gives Ctrl/Cmd+R to Refresh fleet and to nothing else', () => {
    const items = flatten(build('linux', 'en', true).template);
    expect(items.filter((i) => i.accelerator === 'CmdOrCtrl+R').map((i) => i.id)).toEqual([
      'fleet.refresh',
    ]);
  });
});
