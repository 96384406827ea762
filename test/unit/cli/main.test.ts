import { runMain } from '../../support/cli-in-process';
import { describe, expect, it } from 'vitest';

function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  return runMain(argv, { env });
}

describe('cli', () => {
  it('prints app info as JSON for machines', async () => {
    const { code, out } = await cli(['--json', '--data-dir', '/tmp/ack-sg-cli', 'info']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ dataDir: '/tmp/ack-sg-cli', name: 'ACK Secret Guard' });
  });

  it('uses ACK_SG_DATA_DIR when no --data-dir is given', async () => {
    const { out } = await cli(['info', '--json'], { ACK_SG_DATA_DIR: '/tmp/from-env' });
    expect(JSON.parse(out).dataDir).toBe('/tmp/from-env');
  });

  it('exits 2 with the usage on an unknown command or none', async () => {
    expect(await cli(['frobnicate'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown command'),
    });
    expect(await cli([])).toMatchObject({ code: 2, err: expect.stringContaining('Usage:') });
    expect(await cli(['--help'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('Usage:'),
    });
  });
});
