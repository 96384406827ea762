// `npm run simulator -- --port 8790 --fixture demo [--time-scale 60] [--host 127.0.0.1] [--no-page-caps]`
// Prints one JSON line (URL, endpoint, the demo AccessKey ids and names: never secrets), then
// one line per request.
import { parseArgs } from 'node:util';
import { startSimulator } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8790' },
    fixture: { type: 'string', default: 'demo' },
    'time-scale': { type: 'string', default: '1' },
    host: { type: 'string', default: '127.0.0.1' },
    quiet: { type: 'boolean', default: false },
    /** Listings answer up to their documented limits instead of the small default caps. */
    'no-page-caps': { type: 'boolean', default: false },
  },
});

const sim = await startSimulator({
  port: Number(values.port),
  fixture: values.fixture,
  timeScale: Number(values['time-scale']),
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
    timeScale: Number(values['time-scale']),
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
