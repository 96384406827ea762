// Offline packaging checks: electron-builder's own schema validation of electron-builder.yml, and
// a real `--dir` package built with a stand-in Electron distribution, to see what an installer
// would carry. Needs `npm run build` first (npm test does that).
import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';

const run = promisify(execFile);
const root = process.cwd();
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;

async function validate(configPath: string): Promise<void> {
  // electron-builder's own validator: the same messages as a real build, before any download.
  const { getConfig, validateConfiguration } =
    await import('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = await import('builder-util');
  const loaded = await getConfig(root, configPath, null);
  await validateConfiguration(loaded, new DebugLogger(false));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validate(path.join(root, 'electron-builder.yml'))).resolves.toBeUndefined();
  });

  it('the validation really rejects a broken configuration', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-eb-'));
    const broken = path.join(dir, 'broken.yml');
    writeFileSync(broken, 'appId: x\nasar: "yes please"\nbogusKey: 1\n');
    await expect(validate(broken)).rejects.toThrow(/Invalid configuration object/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('declares the offline installers for every OS', () => {
    const targets = (os: string) =>
      ((config[os] as { target: { target: string; arch: string[] }[] }).target ?? []).map(
        (t) => `${t.target}:${t.arch.join('+')}`,
      );
    expect(targets('linux')).toEqual(['AppImage:x64+arm64', 'deb:x64+arm64']);
    expect(targets('win')).toEqual(['nsis:x64']);
    expect(targets('mac')).toEqual(['dmg:x64+arm64']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.mac).toMatchObject({ hardenedRuntime: true });
    expect(
      existsSync(path.join(root, String((config.mac as { entitlements: string }).entitlements))),
    ).toBe(true);
  });

  it('grants the macOS hardened runtime only what V8 needs (allow-jit), no unsigned executable memory', () => {
    const mac = config.mac as { entitlements: string; entitlementsInherit: string };
    expect(mac.entitlementsInherit).toBe(mac.entitlements);
    const plist = readFileSync(path.join(root, mac.entitlements), 'utf8');
    const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
    expect(granted).toContain('com.apple.security.cs.allow-jit');
    for (const risky of [
      'com.apple.security.cs.allow-unsigned-executable-memory',
      'com.apple.security.cs.disable-executable-page-protection',
      'com.apple.security.cs.disable-library-validation',
      'com.apple.security.cs.allow-dyld-environment-variables',
      'com.apple.security.get-task-allow',
    ]) {
      expect(granted).not.toContain(risky);
    }
  });
});

/** Packages the built app for Linux with a stand-in Electron; returns the output and the log. */
async function packLinux(work: string, arch: 'x64' | 'arm64'): Promise<string> {
  const dist = path.join(work, 'electron-dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(path.join(dist, 'electron'), '#!/bin/sh\n');
  chmodSync(path.join(dist, 'electron'), 0o755);
  writeFileSync(path.join(dist, 'version'), 'v45.5.0');
  writeFileSync(path.join(dist, 'LICENSE'), '');
  writeFileSync(path.join(dist, 'LICENSES.chromium.html'), '');
  const { stdout, stderr } = await run(
    process.execPath,
    [
      path.join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--dir',
      '--linux',
      `--${arch}`,
      `-c.electronDist=${dist}`,
      `-c.directories.output=${path.join(work, 'release')}`,
    ],
    {
      cwd: root,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ACK_SG_REQUIRE_FUSES: '' },
      maxBuffer: 32 << 20,
    },
  );
  return `${stdout}\n${stderr}`;
}

describe('a Linux package built offline with a stand-in Electron', () => {
  let work: string;
  let resources: string;
  let files: string[];
  let log: string;

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'out', 'main', 'index.js'))) {
      throw new Error('out/ is missing: run `npm run build` before the packaging tests.');
    }
    work = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-pack-'));
    log = await packLinux(work, 'x64');
    resources = path.join(work, 'release', 'linux-unpacked', 'resources');
    files = listPackage(path.join(resources, 'app.asar'), { isPack: false });
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('carries the built app and the production dependencies', () => {
    for (const file of [
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
      '/node_modules/@alicloud/cs20151215/package.json',
      '/node_modules/zod/package.json',
    ]) {
      expect(files, file).toContain(file);
    }
  });

  it('leaves out tests, sources, source maps, env files and dev tools', () => {
    const app = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(app.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(app.filter((f) => /\.(ts|svelte)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /(^|\/)\.env/.test(f))).toEqual([]);
    expect(app.filter((f) => /^\/(test|simulator|bench|renderer|electron)\//.test(f))).toEqual([]);
    for (const devOnly of [
      'electron',
      'vite',
      'vitest',
      '@playwright/test',
      'svelte',
      'typescript',
    ]) {
      expect(files, devOnly).not.toContain(`/node_modules/${devOnly}/package.json`);
    }
  });

  it('unpacks the keychain native module next to the asar', () => {
    const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules', '@napi-rs');
    const binaries = readdirSync(unpacked, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.node'));
    expect(binaries).toEqual([expect.stringMatching(/keyring.*linux-x64-gnu.*\.node$/)]);
  });

  it('ran the afterPack hook: keychain binary checked, fuses skipped only for the stand-in', () => {
    expect(log).toContain('afterPack  keychain binary ok: @napi-rs/keyring-linux-x64-gnu');
    expect(log).toMatch(
      /afterPack {2}SKIPPED fuses: .* is the stand-in Electron of the offline test/,
    );
  });
});

describe('a Linux arm64 package built on this x64 machine', () => {
  // npm installs only the host's keyring binary. With the arm64 one fetched
  // (node scripts/keyring-binaries.js --arch arm64, as the release workflow does) the arm64
  // package must carry it and nothing else; without it the build must fail, not ship a
  // package whose keychain cannot load.
  const arm64Installed = existsSync(
    path.join(root, 'node_modules', '@napi-rs', 'keyring-linux-arm64-gnu', 'package.json'),
  );
  let work: string;
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(
    arm64Installed
      ? 'carries exactly the arm64 keychain binary'
      : 'fails in afterPack because the arm64 keychain binary is missing',
    async () => {
      work = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-pack-arm64-'));
      if (arm64Installed) {
        await packLinux(work, 'arm64');
        const unpacked = path.join(
          work,
          'release',
          'linux-arm64-unpacked',
          'resources',
          'app.asar.unpacked',
        );
        const binaries = readdirSync(unpacked, { recursive: true })
          .map(String)
          .filter((f) => f.endsWith('.node'));
        expect(binaries).toEqual([expect.stringMatching(/keyring-linux-arm64-gnu.*\.node$/)]);
      } else {
        const failure = await packLinux(work, 'arm64').then(
          () => 'no failure',
          // electron-builder prints its ⨯ error line on stdout
          (error: Error & { stdout?: string; stderr?: string }) =>
            `${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`,
        );
        expect(failure).toMatch(/must carry exactly @napi-rs\/keyring-linux-arm64-gnu/);
        expect(failure).toMatch(/found \[\]/);
      }
    },
    180_000,
  );
});
