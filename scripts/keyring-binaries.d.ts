// Types for scripts/keyring-binaries.js.
export declare const KEYRING: '@napi-rs/keyring';
export declare function keyringPackageFor(platform: string, arch: string): string;
export declare function targetArches(builderConfig: unknown, platform: string): string[];
export declare function lockedPackage(
  lock: unknown,
  name: string,
): { version: string; integrity: string };
export declare function matchesIntegrity(data: Uint8Array, integrity: string): boolean;
export declare function extractNpmTarball(tgz: Uint8Array, dest: string): void;
export declare function ensureKeyringBinaries(options: {
  root: string;
  platform: string;
  arches: string[];
  log?: (line: string) => void;
}): string[];
