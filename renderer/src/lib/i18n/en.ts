// English strings. Terms follow the glossary in shared/UX.md.
export const en = {
  'app.name': 'ACK Secret Guard',
  'app.tagline': 'Secret encryption at rest for ACK Edge Pro clusters',
  'shell.language': 'Language',
  'shell.nav': 'Main navigation',
  'nav.fleet': 'Clusters',
  'nav.accounts': 'Accounts',
  'nav.activity': 'Activity',
  'nav.settings': 'Settings',
  'shell.noAccount': 'No account selected',
  'welcome.title': 'No accounts yet',
  'welcome.body':
    'Add an Alibaba Cloud account to see every ACK Edge Pro cluster, its Secret encryption at rest, and what stands in the way of turning it on.',
  'about.title': 'This installation',
  'about.version': 'Version',
  'about.platform': 'Platform',
  'about.dataDir': 'Data folder',
  'about.secretStore': 'Secrets kept in',
  'about.loading': 'Reading app information…',
  'about.failed': 'Could not read app information: {message}',
  'secretStore.secret-service': 'Secret Service (GNOME Keyring / KWallet)',
  'secretStore.macos-keychain': 'macOS Keychain',
  'secretStore.windows-credential-manager': 'Windows Credential Manager',
  'demo.badge': 'Demo',
} as const;

export type MessageKey = keyof typeof en;
