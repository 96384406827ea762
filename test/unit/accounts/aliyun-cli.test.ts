import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseAliyunConfig,
  planProfile,
  readAliyunConfig,
} from '../../../electron/core/accounts/aliyun-cli';
import { everyModeConfig } from './aliyun-fixture';
import { tempDir } from './fakes';

const NOW = Date.parse('2026-06-01T00:00:00Z');

describe('aliyun CLI config', () => {
  it('plans every mode: AK, StsToken and RamRoleArn import; the others say why not', () => {
    const config = parseAliyunConfig(JSON.stringify(everyModeConfig()), 'config.json');
    const plans = Object.fromEntries(
      config.profiles.map((p) => [p.name, planProfile(p, p.name === config.current, NOW)]),
    );
    expect(plans.ak).toMatchObject({ kind: 'access-key', reason: null, current: true });
    expect(plans.legacy).toMatchObject({ kind: 'access-key', reason: null });
    expect(plans.sts).toMatchObject({
      kind: 'sts-token',
      reason: null,
      expiration: new Date(NOW + 3_600_000).toISOString(),
    });
    expect(plans['sts-old']!.reason).toMatch(/expired/);
    expect(plans['sts-noexp']!.reason).toMatch(/does not record when/);
    expect(plans.role).toMatchObject({ kind: 'ram-role', reason: null });
    for (const name of ['ecs', 'rsa', 'chain', 'ext', 'uri', 'oidc', 'sso', 'weird']) {
      expect(plans[name]!.kind).toBeNull();
      expect(plans[name]!.reason).toMatch(/is not supported/);
    }
    expect(plans.ecs!.reason).toMatch(/ECS instance/);
    expect(plans.chain!.reason).toMatch(/import that profile first/);
    expect(plans['ak-empty']!.reason).toMatch(/no AccessKey id and secret/);
  });

  it('one profile with a huge sts_expiration is reported; the other profiles still import', () => {
    const base = everyModeConfig();
    const sts = base.profiles.find((p: { name: string }) => p.name === 'sts')!;
    base.profiles.push({ ...sts, name: 'sts-huge', sts_expiration: 1e300 });
    base.profiles.push({
      ...sts,
      name: 'sts-huge-text',
      sts_expiration: '99999999999999999999' as unknown as number,
    });
    const config = parseAliyunConfig(JSON.stringify(base), 'config.json');
    const plans = Object.fromEntries(
      config.profiles.map((p) => [p.name, planProfile(p, p.name === config.current, NOW)]),
    );
    for (const name of ['sts-huge', 'sts-huge-text']) {
      expect(plans[name]).toMatchObject({ kind: 'sts-token', expiration: null });
      expect(plans[name]!.reason).toMatch(/sts_expiration .* is not a time in Unix seconds/);
    }
    expect(plans.sts).toMatchObject({ reason: null });
    expect(plans.ak).toMatchObject({ reason: null });
  });

  it('reads the file without changing it, and reports a missing or broken file without its contents', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    const text = JSON.stringify(everyModeConfig(), null, 2);
    writeFileSync(file, text);
    const mtime = statSync(file).mtimeMs;
    expect((await readAliyunConfig(file)).profiles).toHaveLength(15);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mtimeMs).toBe(mtime);

    await expect(readAliyunConfig(path.join(dir, 'none.json'))).rejects.toMatchObject({
      code: 'not-found',
    });
    writeFileSync(file, '{"profiles": [{"access_key_secret": "do-not-echo-me"');
    const error = await readAliyunConfig(file).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'validation' });
    expect((error as Error).message).not.toContain('do-not-echo-me');
    writeFileSync(file, '{"something": "else"}');
    await expect(readAliyunConfig(file)).rejects.toMatchObject({ code: 'validation' });
  });
});
