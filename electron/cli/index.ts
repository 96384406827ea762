// `ack-secret-guard`: the command line over the same core the desktop app uses.
// messageOf from its own file: the contract's index would load its message catalog at start-up.
import { messageOf } from '../contract/message-of';
import { main } from './main';

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ack-secret-guard: ${messageOf(error)}\n`);
    process.exitCode = 1;
  },
);
