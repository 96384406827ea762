// `npm run simulator -- --port 8790 --fixture demo [--time-scale 60] [--host 127.0.0.1] [--no-page-caps]`
// Prints one JSON line (URL, endpoint, the demo AccessKey ids and names: never secrets), then
// one line per request. `--help` prints the options and the demo AccessKeys (fixture data, made
// up for the simulator: they open nothing anywhere else) so a new user can add one.
import { parseArgs } from 'node:util';
import { demoCredentials } from './src/fixtures/demo';
import { startSimulator } from './index';

const USAGE = `Usage: npm run simulator -- [options]

A local Alibaba Cloud (CS, KMS, RAM, STS, ECS, VPC, ActionTrail) for trying ACK Secret Guard.

Options:
  --port N          port to listen on (default 8790; 0 picks a free one)
  --host ADDR       address to listen on (default 127.0.0.1)
  --fixture NAME    the world to load (default demo)
  --time-scale N    how much faster the simulated clock runs (default 1; 60 = a minute a second)
  --no-page-caps    listings answer up to their documented page limits (default: 3-10 a page)
  --quiet           no line per request
  --help            this text
`;

function fail(message: string): never {
  process.stderr.write(`simulator: ${message}\nRun with --help for the options.\n`);
  process.exit(2);
}

function demoKeysBlock(port: string): string {
  const keys = demoCredentials().filter((k) => k.status === 'Active');
  const rows = [
    ['account', 'AccessKey id', 'AccessKey secret', 'principal'],
    ...keys.map((k) => [k.accountName, k.accessKeyId, k.accessKeySecret, k.principal]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((r) => r[column]!.length)));
  const table = rows.map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`);
  const first = keys[0];
  return [
    'Demo AccessKeys (fixture data of the simulator, not real credentials):',
    ...table.map((row) => row.trimEnd()),
    '',
    'Try one with the command line:',
    `  export ACK_SG_ENDPOINT=http://127.0.0.1:${port}`,
    first
      ? `  echo '${first.accessKeySecret}' | node out/cli/index.js accounts add --name demo \\\n` +
        `      --type access-key --access-key-id ${first.accessKeyId} --secret-stdin`
      : '',
    '',
  ].join('\n');
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8790' },
      fixture: { type: 'string', default: 'demo' },
      'time-scale': { type: 'string', default: '1' },
      host: { type: 'string', default: '127.0.0.1' },
      quiet: { type: 'boolean', default: false },
      /** Listings answer up to their documented limits instead of the small default caps. */
      'no-page-caps': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  // parseArgs names the unknown or malformed option; a stack trace would hide it.
  fail(error instanceof Error ? error.message : String(error));
}

if (values.help) {
  process.stdout.write(`${USAGE}\n${demoKeysBlock(values.port)}`);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  fail(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
}
const timeScale = Number(values['time-scale']);
if (!Number.isFinite(timeScale) || timeScale <= 0) {
  fail(`--time-scale must be a number above 0, not "${values['time-scale']}".`);
}

const sim = await startSimulator({
  port,
  fixture: values.fixture,
  timeScale,
  host: values.host,
  ...(values['no-page-caps'] ? { pageCaps: false as const } : {}),
  log: values.quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
});

process.stdout.write(
  `${JSON.stringify({
    url: sim.url,
    endpoint: sim.endpoint,
    control: `${sim.url}/__sim/`,
    fixture: values.fixture,
    timeScale,
    credentials: sim.control.credentials().map((c) => ({
      accessKeyId: c.accessKeyId,
      account: c.accountName,
      accountId: c.accountId,
      principal: c.principal,
      status: c.status,
    })),
  })}\n`,
);

const stop = () => {
  sim.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
