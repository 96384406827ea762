// The application menu: the usual roles plus the app's own commands. Built as a plain template
// (pure function) so both languages and both platform layouts are unit-tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { MainStrings } from './strings';

export interface MenuActions {
  refreshFleet(): void;
  openDataFolder(): void;
  openLogs(): void;
}

export interface MenuOptions {
  strings: MainStrings;
  platform: NodeJS.Platform;
  /** Reload and developer tools only while developing, never in a packaged app. */
  development: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { strings: t, actions } = options;
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (mac) {
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about', label: t.about },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: t.quit },
      ],
    });
  }

  template.push({
    label: t.file,
    submenu: [
      {
        id: 'fleet.refresh',
        label: t.refreshFleet,
        accelerator: 'CmdOrCtrl+R',
        click: () => actions.refreshFleet(),
      },
      { type: 'separator' },
      { id: 'open.data', label: t.openDataFolder, click: () => actions.openDataFolder() },
      { id: 'open.logs', label: t.openLogs, click: () => actions.openLogs() },
      { type: 'separator' },
      mac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit },
    ],
  });

  template.push({
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  });

  template.push({
    label: t.view,
    submenu: [
      ...(options.development
        ? ([
            // Ctrl+R belongs to "Refresh fleet"; reloading the page is a developer's tool.
            { role: 'forceReload', label: t.reload },
            { role: 'toggleDevTools', label: t.devTools },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.toggleFullScreen },
    ],
  });

  template.push({
    label: t.window,
    role: 'window',
    submenu: [
      { role: 'minimize', label: t.minimize },
      ...(mac
        ? ([
            { role: 'zoom' },
            { type: 'separator' },
            { role: 'front' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'close', label: t.close },
    ],
  });

  template.push({
    label: t.help,
    role: 'help',
    submenu: mac
      ? [{ id: 'open.logs.help', label: t.openLogs, click: () => actions.openLogs() }]
      : [
          { id: 'open.logs.help', label: t.openLogs, click: () => actions.openLogs() },
          { type: 'separator' },
          { role: 'about', label: t.about },
        ],
  });

  return template;
}
