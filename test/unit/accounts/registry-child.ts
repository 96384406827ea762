// Child process for the concurrent-writers test: adds N accounts to the registry in DATA_DIR,
// each a separate read-modify-write under the lock, as a second app or CLI would.
import { AccountRegistry } from '../../../electron/core/accounts/registry';
import type { StoredAccount } from '../../../electron/core/accounts/types';

const [dataDir, prefix, countText] = process.argv.slice(2);
const registry = new AccountRegistry(dataDir!, { lock: { timeoutMs: 60_000 } });
const stamp = new Date().toISOString();

for (let i = 0; i < Number(countText); i += 1) {
  const account: StoredAccount = {
    id: `${prefix}-${i}`,
    name: `${prefix} ${i}`,
    kind: 'access-key',
    accessKeyId: 'LTAI5tChildProcess0001',
    colour: 'blue',
    regions: null,
    network: { endpoint: null, proxy: null, proxyHasPassword: false, caBundlePath: null },
    identity: null,
    demo: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await registry.update((accounts) => ({ accounts: [...accounts, account], result: undefined }));
}
process.stdout.write('done\n');
