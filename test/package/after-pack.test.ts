// The afterPack hook's configuration (fuses, the keychain-binary check, the stand-in skip) and
// that electron-builder really loads it. The offline package test below it runs the hook for real.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  FUSES,
  FuseV1Options,
  afterPack,
  checkKeyringBinary,
  electronPathFor,
  fuseConfig,
  isStandInElectron,
} from '../../scripts/after-pack.js';

const root = process.cwd();
const work = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-afterpack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('fuses', () => {
  it('are the ones the security checklist asks for', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('map onto the @electron/fuses wire positions', () => {
    const config = fuseConfig('linux', 'x64') as unknown as Record<string | number, unknown>;
    expect(config.version).toBe('1');
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    // Fuses we have no opinion on keep Electron's default.
    expect(config[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBeUndefined();
  });

  it('re-sign ad hoc only for arm64 macOS, which will not launch otherwise', () => {
    expect(fuseConfig('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('darwin', 'x64').resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig('linux', 'arm64').resetAdHocDarwinSignature).toBe(false);
  });
});

describe('the hook', () => {
  it('is the afterPack of electron-builder.yml, and electron-builder loads it as an ES module', async () => {
    const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
      afterPack: string;
    };
    expect(config.afterPack).toBe('./scripts/after-pack.js');
    const { resolveFunction } = (await import('app-builder-lib/out/util/resolve.js')) as {
      resolveFunction: (t: unknown, e: string, n: string, r: string) => Promise<unknown>;
    };
    const loaded = await resolveFunction('module', config.afterPack, 'afterPack', root);
    expect(typeof loaded).toBe('function');
    expect((loaded as { name: string }).name).toBe(afterPack.name);
  });

  it('knows where each platform keeps the Electron binary', () => {
    const packager = {
      appInfo: { productFilename: 'ACK Secret Guard' },
      executableName: 'ack-secret-guard',
    };
    expect(electronPathFor({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(
      path.join('/o', 'ack-secret-guard'),
    );
    expect(electronPathFor({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(
      path.join('/o', 'ACK Secret Guard.exe'),
    );
    expect(electronPathFor({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(
      path.join('/o', 'ACK Secret Guard.app'),
    );
  });

  it('treats only a tiny binary without the fuse sentinel as the stand-in', () => {
    const standIn = path.join(work, 'stand-in');
    writeFileSync(standIn, '#!/bin/sh\n');
    const withSentinel = path.join(work, 'small-real');
    writeFileSync(
      withSentinel,
      Buffer.concat([
        Buffer.alloc(100),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX\u0001\u0006010101'),
      ]),
    );
    const big = path.join(work, 'big');
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024));
    expect(isStandInElectron(standIn)).toBe(true);
    expect(isStandInElectron(path.join(work, 'missing'))).toBe(true);
    expect(isStandInElectron(withSentinel)).toBe(false);
    expect(isStandInElectron(big)).toBe(false); // big but broken: flipping must run and fail loudly
  });

  it('refuses to skip the fuses for a stand-in when a release requires them', async () => {
    const resources = path.join(work, 'release', 'resources');
    const unpacked = path.join(
      resources,
      'app.asar.unpacked',
      'node_modules',
      '@napi-rs',
      'keyring-linux-x64-gnu',
    );
    mkdirSync(unpacked, { recursive: true });
    writeFileSync(path.join(unpacked, 'keyring.linux-x64-gnu.node'), '');
    writeFileSync(path.join(work, 'release', 'ack-secret-guard'), '#!/bin/sh\n');
    const context = {
      appOutDir: path.join(work, 'release'),
      electronPlatformName: 'linux',
      arch: 1, // x64
      packager: {
        executableName: 'ack-secret-guard',
        appInfo: { productFilename: 'ACK Secret Guard' },
        getResourcesDir: () => resources,
        addElectronFuses: () => {
          throw new Error('must not be called for a stand-in');
        },
      },
    };
    process.env.ACK_SG_REQUIRE_FUSES = '1';
    try {
      await expect(afterPack(context)).rejects.toThrow(/not a real Electron binary/);
    } finally {
      delete process.env.ACK_SG_REQUIRE_FUSES;
    }
    await expect(afterPack(context)).resolves.toBeUndefined();
  });
});

describe('the keychain binary check', () => {
  function resourcesWith(...packages: string[]): string {
    const resources = mkdtempSync(path.join(work, 'res-'));
    for (const name of packages) {
      const dir = path.join(resources, 'app.asar.unpacked', 'node_modules', '@napi-rs', name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${name.replace('keyring-', 'keyring.')}.node`), '');
    }
    return resources;
  }

  it('accepts exactly the target binary', () => {
    expect(checkKeyringBinary(resourcesWith('keyring-linux-x64-gnu'), 'linux', 'x64')).toBe(
      '@napi-rs/keyring-linux-x64-gnu',
    );
    expect(checkKeyringBinary(resourcesWith('keyring-darwin-arm64'), 'darwin', 'arm64')).toBe(
      '@napi-rs/keyring-darwin-arm64',
    );
    expect(checkKeyringBinary(resourcesWith('keyring-win32-x64-msvc'), 'win32', 'x64')).toBe(
      '@napi-rs/keyring-win32-x64-msvc',
    );
  });

  it.each([
    ['none', [], 'linux', 'arm64'],
    ['the wrong arch', ['keyring-linux-x64-gnu'], 'linux', 'arm64'],
    ['an extra one', ['keyring-linux-x64-gnu', 'keyring-linux-arm64-gnu'], 'linux', 'x64'],
    ['the musl build', ['keyring-linux-x64-musl'], 'linux', 'x64'],
  ])('fails with %s', (_label, packages, platform, arch) => {
    expect(() =>
      checkKeyringBinary(
        resourcesWith(...(packages as string[])),
        platform as string,
        arch as string,
      ),
    ).toThrow(/must carry exactly @napi-rs\/keyring-/);
  });
});
