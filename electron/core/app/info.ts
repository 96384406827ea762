import type { AppInfo, AppNotice, DemoCloudSummary, SecretStoreBackend } from '../../contract';

export function secretStoreBackendFor(platform: NodeJS.Platform): SecretStoreBackend {
  if (platform === 'darwin') return 'macos-keychain';
  if (platform === 'win32') return 'windows-credential-manager';
  return 'secret-service';
}

function platformName(platform: NodeJS.Platform): AppInfo['platform'] {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other';
}

export interface AppInfoSource {
  version: string;
  dataDir: string;
  platform: NodeJS.Platform;
  arch: string;
  isDemo: () => boolean;
  demoCloud: () => Promise<DemoCloudSummary>;
  notices: () => AppNotice[];
}

export async function readAppInfo(source: AppInfoSource): Promise<AppInfo> {
  return {
    name: 'ACK Secret Guard',
    version: source.version,
    platform: platformName(source.platform),
    arch: source.arch,
    dataDir: source.dataDir,
    secretStore: secretStoreBackendFor(source.platform),
    demo: source.isDemo(),
    demoCloud: await source.demoCloud(),
    notices: source.notices(),
  };
}
