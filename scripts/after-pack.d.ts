// Types for scripts/after-pack.js (an ES module electron-builder loads directly).
import type { FuseV1Config, FuseV1Options as Options } from '@electron/fuses';

export declare const FUSES: Readonly<{
  RunAsNode: boolean;
  EnableCookieEncryption: boolean;
  EnableNodeOptionsEnvironmentVariable: boolean;
  EnableNodeCliInspectArguments: boolean;
  EnableEmbeddedAsarIntegrityValidation: boolean;
  OnlyLoadAppFromAsar: boolean;
}>;
export declare function fuseConfig(platform: string, arch: string): FuseV1Config;
export declare function electronPathFor(context: {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}): string;
export declare function isStandInElectron(fuseFile: string): boolean;
export declare function checkKeyringBinary(
  resourcesDir: string,
  platform: string,
  arch: string,
): string;
export declare function afterPack(context: unknown): Promise<void>;
export default afterPack;
export declare const FuseV1Options: typeof Options;
export declare const KEYRING: string;
