// @ts-check
// electron-builder afterPack hook (runs for every platform/arch before signing):
//  1. checks that exactly the right @napi-rs/keyring binary is in the package, and
//  2. flips the Electron fuses (https://www.electronjs.org/docs/latest/tutorial/fuses).
// electron-builder 26 loads hooks with require() and falls back to import(), so an ES module
// works with "type": "module"; it calls the named export `afterPack` (or the default).
// The offline packaging test uses a stand-in Electron (a 10-byte shell script) that has no fuse
// wire; only then is flipping skipped, with a log line. ACK_SG_REQUIRE_FUSES=1 (set by the
// release workflow) turns even that skip into an error, so a release can never lack its fuses.
import fs from 'node:fs';
import path from 'node:path';
import {
  FuseState,
  FuseV1Options,
  FuseVersion,
  getCurrentFuseWire,
  pathToFuseFile,
} from '@electron/fuses';
import { KEYRING, keyringPackageFor } from './keyring-binaries.js';

/** The fuses we set, by name; anything not listed keeps Electron's default. */
export const FUSES = Object.freeze({
  // `ELECTRON_RUN_AS_NODE=1 app` would turn the signed app into a general-purpose node.
  RunAsNode: false,
  // Cookies encrypted at rest with the OS key store.
  EnableCookieEncryption: true,
  // NODE_OPTIONS could preload arbitrary code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk would open a debugger on the process that holds the secrets.
  EnableNodeCliInspectArguments: false,
  // The app.asar must match the hash recorded at build time (macOS, Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Never load an unpacked (editable) app folder instead of the verified asar.
  OnlyLoadAppFromAsar: true,
  // file:// gets no more than in Chrome (no fetch of other files, no privileged page): the
  // renderer is served from app://guard, so nothing needs file:// at all.
  GrantFileProtocolExtraPrivileges: false,
});

/** The marker in front of the fuse wire in every Electron binary (@electron/fuses does not
 * export it from its entry point). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** electron-builder's Arch enum values -> names. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** The @electron/fuses configuration for one packaged app. */
export function fuseConfig(platform, arch) {
  /** @type {import('@electron/fuses').FuseV1Config} */
  const config = {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature that arm64 macOS binaries need to launch at all.
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
  };
  for (const [name, value] of Object.entries(FUSES)) {
    config[FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)]] = value;
  }
  return config;
}

/** Where the packaged Electron executable is (what @electron/fuses wants). */
export function electronPathFor(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  }
  return path.join(appOutDir, packager.executableName);
}

/**
 * The stand-in Electron of the offline packaging test: a tiny file without the fuse sentinel.
 * A real Electron binary is over 100 MB and always contains the sentinel.
 */
export function isStandInElectron(fuseFile) {
  if (!fs.existsSync(fuseFile)) return true;
  const { size } = fs.statSync(fuseFile);
  if (size > 1024 * 1024) return false;
  return !fs.readFileSync(fuseFile).includes(Buffer.from(FUSE_SENTINEL));
}

/** Exactly one keyring binary package, the target's own, unpacked next to the asar. */
export function checkKeyringBinary(resourcesDir, platform, arch) {
  const expected = keyringPackageFor(platform, arch);
  const scope = path.join(resourcesDir, 'app.asar.unpacked', 'node_modules', '@napi-rs');
  const found = fs.existsSync(scope)
    ? fs
        .readdirSync(scope)
        .filter((d) => d.startsWith('keyring-'))
        .map((d) => `@napi-rs/${d}`)
    : [];
  const hasNode =
    found.includes(expected) &&
    fs
      .readdirSync(path.join(scope, expected.slice('@napi-rs/'.length)))
      .some((f) => f.endsWith('.node'));
  if (!hasNode || found.length !== 1) {
    throw new Error(
      `afterPack: the ${platform}/${arch} package must carry exactly ${expected} (with its .node), ` +
        `found [${found.join(', ')}]. Run \`node scripts/keyring-binaries.js --platform ${platform} ` +
        `--arch ${arch}\` before electron-builder (see README, "Build installers").`,
    );
  }
  return expected;
}

/** @param {any} context electron-builder's AfterPackContext */
export async function afterPack(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const log = (message) => console.log(`  • afterPack  ${message}`);

  const binary = checkKeyringBinary(
    context.packager.getResourcesDir(context.appOutDir),
    platform,
    arch,
  );
  log(`keychain binary ok: ${binary}`);

  const electronPath = electronPathFor(context);
  if (isStandInElectron(pathToFuseFile(electronPath))) {
    if (process.env.ACK_SG_REQUIRE_FUSES === '1') {
      throw new Error(
        `afterPack: ${electronPath} is not a real Electron binary; fuses cannot be set.`,
      );
    }
    log(
      `SKIPPED fuses: ${electronPath} is the stand-in Electron of the offline test (no fuse wire)`,
    );
    return;
  }

  await context.packager.addElectronFuses(context, fuseConfig(platform, arch));
  // Read the wire back: a release must never ship with a fuse in the wrong position.
  const wire = await getCurrentFuseWire(electronPath);
  for (const [name, value] of Object.entries(FUSES)) {
    const state = wire[FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)]];
    if (state !== (value ? FuseState.ENABLE : FuseState.DISABLE)) {
      throw new Error(`afterPack: fuse ${name} reads back as ${state}, expected ${value}`);
    }
  }
  log(
    `fuses set and verified: ${Object.entries(FUSES)
      .map(([n, v]) => `${n}=${v}`)
      .join(' ')}`,
  );
}

export default afterPack;

// Re-exported for the tests, so they assert against the very enum the hook uses.
export { FuseV1Options, KEYRING };
