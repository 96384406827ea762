// `npm run demo:web`: the app's window in your own browser, answered by the real core with the
// demo account only (see server.ts). Prints the address to open; --open opens it for you.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };
import { startWebDemo } from './server';
import { messageOf } from '../contract';

const USAGE = `Usage: npm run demo:web -- [--port N] [--open]

Serves the app's window to your browser on 127.0.0.1, with the demo account only.
  --port N  the port to listen on (default: a free one)
  --open    open the address in your browser
`;

interface Args {
  port: number;
  open: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { port: 0, open: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--open') args.open = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[(i += 1)] : arg.slice('--port='.length);
      const port = Number(value);
      if (!value || !Number.isInteger(port) || port < 0 || port > 65535)
        return `--port needs a number from 0 to 65535, not ${value ?? 'nothing'}.`;
      args.port = port;
    } else return `Unknown option: ${arg}`;
  }
  return args;
}

/** The desktop's own way to open an address in the default browser. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', (error) =>
    process.stderr.write(
      `Could not open a browser (${error.message}); open the address above yourself.\n`,
    ),
  );
  child.unref();
}

async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  // out/web-demo/index.js -> out/
  const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const demo = await startWebDemo({ outDir, version: pkg.version, port: args.port });
  process.stdout.write(
    `ACK Secret Guard demo (demo account only, this machine only): ${demo.url}\nPress Ctrl+C to stop.\n`,
  );
  if (args.open) openInBrowser(demo.url);
  const stop = () => {
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

run().catch((error: unknown) => {
  process.stderr.write(`demo:web: ${messageOf(error)}\n`);
  process.exitCode = 1;
});
