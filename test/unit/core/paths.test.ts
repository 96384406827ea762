import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../electron/core/paths';

describe('data folder', () => {
  it('matches Electron userData on each platform', () => {
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/ACK Secret Guard');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe(
      '/x/ACK Secret Guard',
    );
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe(
      '/Users/a/Library/Application Support/ACK Secret Guard',
    );
    expect(defaultDataDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32', 'C:/Users/a')).toBe(
      path.join('C:/Users/a/AppData/Roaming', 'ACK Secret Guard'),
    );
  });

  it('prefers the explicit folder, then ACK_SG_DATA_DIR', () => {
    expect(resolveDataDir('/explicit', { ACK_SG_DATA_DIR: '/env' })).toBe('/explicit');
    expect(resolveDataDir(undefined, { ACK_SG_DATA_DIR: '/env' })).toBe('/env');
    expect(resolveDataDir(undefined, { ACK_SG_DATA_DIR: '  ', XDG_CONFIG_HOME: '/cfg' })).toBe(
      path.resolve(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' })),
    );
  });
});
