// @ts-check
// Which prebuilt @napi-rs/keyring binary each installer target needs, and how to fetch one that
// npm did not install. npm installs only the host's optional platform package, but one runner
// builds two architectures (Linux x64+arm64, macOS x64+arm64), so the other one is fetched here:
// the exact version and sha512 integrity pinned in package-lock.json, unpacked into
// node_modules, where electron-builder's dependency collector then finds it like any other.
// Plain Node (no tar binary: Windows runners' tar varies), used by the release workflow, by
// `npm run dist` and by the afterPack check.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';

export const KEYRING = '@napi-rs/keyring';

/** electron-builder platform + arch -> the npm package holding the right .node file. */
export function keyringPackageFor(platform, arch) {
  const triples = {
    linux: { x64: 'linux-x64-gnu', arm64: 'linux-arm64-gnu' },
    win32: { x64: 'win32-x64-msvc', arm64: 'win32-arm64-msvc' },
    darwin: { x64: 'darwin-x64', arm64: 'darwin-arm64' },
  };
  const triple = triples[/** @type {'linux'} */ (platform)]?.[/** @type {'x64'} */ (arch)];
  if (!triple) throw new Error(`No ${KEYRING} binary is known for ${platform}/${arch}.`);
  return `${KEYRING}-${triple}`;
}

/** The architectures electron-builder.yml builds for one OS (linux | win32 | darwin). */
export function targetArches(builderConfig, platform) {
  const key = { linux: 'linux', win32: 'win', darwin: 'mac' }[platform];
  if (!key) throw new Error(`Unknown platform ${platform}`);
  const targets = builderConfig?.[key]?.target ?? [];
  return [...new Set(targets.flatMap((t) => t.arch ?? []))];
}

/** Version and integrity of a package as pinned in package-lock.json. */
export function lockedPackage(lock, name) {
  const entry = lock.packages?.[`node_modules/${name}`];
  if (!entry?.version || !entry?.integrity) {
    throw new Error(`${name} is not pinned (version + integrity) in package-lock.json.`);
  }
  return { version: entry.version, integrity: entry.integrity };
}

/** True when `data` matches an SRI string such as "sha512-...". */
export function matchesIntegrity(data, integrity) {
  return integrity
    .split(/\s+/)
    .filter(Boolean)
    .some((sri) => {
      const dash = sri.indexOf('-');
      const algorithm = sri.slice(0, dash);
      if (!['sha512', 'sha384', 'sha256'].includes(algorithm)) return false;
      return createHash(algorithm).update(data).digest('base64') === sri.slice(dash + 1);
    });
}

/**
 * Unpacks an npm tarball (gzip'd ustar, one top folder "package/") into `dest`. Only regular
 * files and folders; any path that would leave `dest` is refused.
 */
export function extractNpmTarball(tgz, dest) {
  const data = gunzipSync(tgz);
  const root = path.resolve(dest);
  let offset = 0;
  let longName = null;
  while (offset + 512 <= data.length) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, length) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = null;
    const body = data.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      const match = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (match) longName = match[1] ?? null;
      continue;
    }
    if (type !== '0' && type !== '5') continue; // no links, devices, global headers
    const relative = name.replace(/^[^/]+\/?/, ''); // strip "package/"
    if (!relative) continue;
    const target = path.resolve(root, relative);
    if (!target.startsWith(root + path.sep)) throw new Error(`Unsafe path in tarball: ${name}`);
    if (type === '5') {
      fs.mkdirSync(target, { recursive: true });
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, body, { mode: 0o644 });
    }
  }
}

function npm(args, cwd) {
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
    cwd,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Makes sure node_modules holds the keyring binary package for each arch; returns what it did. */
export function ensureKeyringBinaries({ root, platform, arches, log = console.log }) {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const done = [];
  for (const arch of arches) {
    const name = keyringPackageFor(platform, arch);
    const { version, integrity } = lockedPackage(lock, name);
    const dir = path.join(root, 'node_modules', ...name.split('/'));
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      JSON.parse(fs.readFileSync(manifest, 'utf8')).version === version
    ) {
      log(`keyring: ${name}@${version} already installed`);
      continue;
    }
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'ack-sg-keyring-'));
    try {
      const packed = JSON.parse(
        npm(['pack', `${name}@${version}`, '--json', '--pack-destination', temp], root),
      );
      const tgz = fs.readFileSync(path.join(temp, packed[0].filename));
      if (!matchesIntegrity(tgz, integrity)) {
        throw new Error(
          `${name}@${version}: the download does not match package-lock.json's integrity.`,
        );
      }
      fs.rmSync(dir, { recursive: true, force: true });
      extractNpmTarball(tgz, dir);
      log(`keyring: fetched ${name}@${version} (integrity checked)`);
      done.push(name);
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  }
  return done;
}

// CLI: node scripts/keyring-binaries.js [--platform linux|win32|darwin] [--arch x64,arm64]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (flag) => {
    const i = process.argv.indexOf(flag);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const root = process.cwd();
  const platform = arg('--platform') ?? process.platform;
  const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
  const arches = arg('--arch')?.split(',') ?? targetArches(config, platform);
  try {
    ensureKeyringBinaries({ root, platform, arches });
  } catch (error) {
    console.error(`keyring: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
