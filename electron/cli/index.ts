// `ack-secret-guard`: the command line over the same core the desktop app uses.
import { main } from './main';
import { messageOf } from '../contract';

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
