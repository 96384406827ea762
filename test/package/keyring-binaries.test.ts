import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  extractNpmTarball,
  keyringPackageFor,
  lockedPackage,
  matchesIntegrity,
  targetArches,
} from '../../scripts/keyring-binaries.js';

const root = process.cwd();
const builder = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as unknown;
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as unknown;
const work = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-keyring-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A minimal ustar archive, as npm pack makes them. */
function tarball(entries: Array<{ name: string; body?: string; type?: '0' | '5' | '2' }>): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? '');
    const header = Buffer.alloc(512);
    header.write(entry.name, 0, 100, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write(entry.type ?? '0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    header.fill(' ', 148, 156);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

describe('which binary each target needs', () => {
  it('maps every platform and arch we build to its package', () => {
    expect(keyringPackageFor('linux', 'x64')).toBe('@napi-rs/keyring-linux-x64-gnu');
    expect(keyringPackageFor('linux', 'arm64')).toBe('@napi-rs/keyring-linux-arm64-gnu');
    expect(keyringPackageFor('win32', 'x64')).toBe('@napi-rs/keyring-win32-x64-msvc');
    expect(keyringPackageFor('darwin', 'x64')).toBe('@napi-rs/keyring-darwin-x64');
    expect(keyringPackageFor('darwin', 'arm64')).toBe('@napi-rs/keyring-darwin-arm64');
    expect(() => keyringPackageFor('linux', 'ia32')).toThrow(/No @napi-rs\/keyring binary/);
  });

  it('reads the architectures of each OS from electron-builder.yml', () => {
    expect(targetArches(builder, 'linux')).toEqual(['x64', 'arm64']);
    expect(targetArches(builder, 'win32')).toEqual(['x64']);
    expect(targetArches(builder, 'darwin')).toEqual(['x64', 'arm64']);
  });

  it('finds every needed binary pinned, with its integrity, in package-lock.json', () => {
    const keyring = lockedPackage(lock, '@napi-rs/keyring');
    for (const platform of ['linux', 'win32', 'darwin']) {
      for (const arch of targetArches(builder, platform)) {
        const pinned = lockedPackage(lock, keyringPackageFor(platform, arch));
        expect(pinned.version, `${platform}/${arch}`).toBe(keyring.version);
        expect(pinned.integrity).toMatch(/^sha512-/);
      }
    }
    expect(() => lockedPackage(lock, '@napi-rs/keyring-plan9-x64')).toThrow(/not pinned/);
  });

  it('the package keeps only the binary of the arch being built', () => {
    const files = (builder as { files: string[] }).files;
    expect(files).toContain('!**/node_modules/@napi-rs/keyring-!(*-${arch}|*-${arch}-*)/**');
  });
});

describe('fetching a binary npm skipped', () => {
  it('checks sha512 integrity', () => {
    const data = Buffer.from('payload');
    const sri = `sha512-${createHash('sha512').update(data).digest('base64')}`;
    expect(matchesIntegrity(data, sri)).toBe(true);
    expect(matchesIntegrity(Buffer.from('tampered'), sri)).toBe(false);
    expect(matchesIntegrity(data, 'md5-abc')).toBe(false);
  });

  it('unpacks an npm tarball without its package/ folder', () => {
    const dest = path.join(work, 'pkg');
    extractNpmTarball(
      tarball([
        { name: 'package/package.json', body: '{"name":"x","version":"1.0.0"}' },
        { name: 'package/lib/', type: '5' },
        { name: 'package/lib/x.node', body: 'binary' },
        { name: 'package/link', type: '2' },
      ]),
      dest,
    );
    expect(JSON.parse(readFileSync(path.join(dest, 'package.json'), 'utf8'))).toEqual({
      name: 'x',
      version: '1.0.0',
    });
    expect(readFileSync(path.join(dest, 'lib', 'x.node'), 'utf8')).toBe('binary');
    expect(existsSync(path.join(dest, 'link'))).toBe(false); // links are never created
  });

  it('refuses paths that leave the destination', () => {
    const dest = path.join(work, 'evil');
    expect(() =>
      extractNpmTarball(tarball([{ name: 'package/../../escaped', body: 'x' }]), dest),
    ).toThrow(/Unsafe path/);
    expect(existsSync(path.join(work, 'escaped'))).toBe(false);
  });
});
