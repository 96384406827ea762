// .github/workflows/release.yml cannot run here; this checks the parts we rely on.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  container?: string;
  needs?: string | string[];
  strategy?: { matrix: { os: string[] } };
  steps: Step[];
}

const file = path.resolve('.github/workflows/release.yml');
const workflow = parse(readFileSync(file, 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const { test, installers } = workflow.jobs as { test: Job; installers: Job };
const allSteps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const indexOf = (job: Job, pattern: RegExp) =>
  job.steps.findIndex((s) => pattern.test(s.run ?? ''));

describe('release workflow', () => {
  it('runs on version tags and by hand, with read-only repository access', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(workflow.on.push).toEqual({ tags: ['v*'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('pins every action to a major version tag', () => {
    const uses = allSteps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });

  it('runs npm test through .ci/run in a Debian container', () => {
    expect(test.container).toBe('debian:12');
    expect(test.steps.some((s) => s.run === 'bash .ci/run')).toBe(true);
    expect(existsSync(path.resolve('.ci/run'))).toBe(true);
  });

  it('builds installers on Linux, Windows and macOS after the tests pass', () => {
    expect(installers.needs).toBe('test');
    expect(installers['runs-on']).toBe('${{ matrix.os }}');
    expect(installers.strategy?.matrix.os).toEqual([
      'ubuntu-latest',
      'windows-latest',
      'macos-latest',
    ]);
  });

  it('runs the _electron tests with a real binary, under Xvfb on Linux', () => {
    const fetch = indexOf(installers, /install-electron/);
    const linux = installers.steps.find((s) =>
      /xvfb-run -a .*with-keyring\.sh npm run test:electron/.test(s.run ?? ''),
    );
    // A screen larger than the app's window (the window-size test stays inside its work area).
    expect(linux?.run).toContain('-s "-screen 0 1920x1080x24"');
    const others = installers.steps.find((s) => s.run === 'npm run test:electron');
    expect(fetch).toBeGreaterThanOrEqual(0);
    expect(linux?.if).toBe("runner.os == 'Linux'");
    expect(others?.if).toBe("runner.os != 'Linux'");
    expect(installers.steps.indexOf(linux!)).toBeGreaterThan(fetch);
  });

  it('fetches the keychain binaries before packaging, and requires the fuses', () => {
    const keyring = indexOf(installers, /node scripts\/keyring-binaries\.js/);
    const build = indexOf(installers, /electron-builder --publish never/);
    expect(keyring).toBeGreaterThanOrEqual(0);
    expect(build).toBeGreaterThan(keyring);
    expect(installers.steps[build]!.env).toEqual({ ACK_SG_REQUIRE_FUSES: '1' });
  });

  it('uploads the installers and fails when there are none', () => {
    const upload = installers.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.['if-no-files-found']).toBe('error');
    for (const ext of ['AppImage', 'deb', 'exe', 'dmg']) {
      expect(String(upload?.with?.path)).toContain(`release/*.${ext}`);
    }
    expect(installers.steps.indexOf(upload!)).toBe(installers.steps.length - 1);
  });
});
