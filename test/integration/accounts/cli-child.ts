// The CLI as its own process (bundled by build-child), for scenarios that need a different
// D-Bus environment than the test runner's: no bus, a bus pointing nowhere, a locked keyring.
import { main } from '../../../electron/cli/main';

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdin: process.stdin,
});
// Exit explicitly: a keychain call stuck on a native thread must not keep the process alive.
process.exit(code);
