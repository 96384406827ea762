// `npm start` (scripts/start.js) in a throwaway project folder: a copy of the script and its
// helper beside a stand-in node_modules, so the machine's own Electron (present or not) plays
// no part. Without a binary: one line, exit 1, no stack trace, no download attempt. With one:
// electron-vite preview is started with that binary.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A project with scripts/start.js, an electron package WITHOUT path.txt, and a fake electron-vite. */
function project(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-start-'));
  dirs.push(root);
  write(path.join(root, 'package.json'), '{"name":"x","type":"module"}');
  mkdirSync(path.join(root, 'scripts'));
  for (const file of ['start.js', 'electron-binary.js'])
    copyFileSync(path.resolve('scripts', file), path.join(root, 'scripts', file));
  // The real electron index.js would try to download here; the script must not load it.
  write(
    path.join(root, 'node_modules/electron/package.json'),
    '{"name":"electron","version":"45.5.0","main":"index.js"}',
  );
  write(
    path.join(root, 'node_modules/electron/index.js'),
    "require('fs').writeFileSync(require('path').join(__dirname, 'LOADED'), ''); throw new Error('Electron failed to install correctly');",
  );
  write(
    path.join(root, 'node_modules/electron-vite/package.json'),
    '{"name":"electron-vite","type":"module","exports":{"./package.json":"./package.json"},"bin":{"electron-vite":"bin/electron-vite.js"}}',
  );
  write(
    path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
    'console.log(JSON.stringify({ args: process.argv.slice(2), binary: process.env.ELECTRON_EXEC_PATH }));',
  );
  return root;
}

function start(root: string, env: NodeJS.ProcessEnv = {}) {
  const clean = { ...process.env };
  delete clean.ELECTRON_EXEC_PATH;
  delete clean.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'start.js')], {
    cwd: root,
    env: { ...clean, ...env },
    encoding: 'utf8',
  });
}

describe('npm start (scripts/start.js)', () => {
  it('without an Electron binary prints one line naming what still works, exits 1, no stack trace', () => {
    const root = project();
    const run = start(root);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^npm start: .*no Electron binary/);
    for (const works of ['npm run cli', 'npm test', 'npm run demo:web'])
      expect(lines[0]).toContain(works);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('Error');
    expect(existsSync(path.join(root, 'node_modules/electron/LOADED'))).toBe(false);
  });

  it('does not take path.txt naming a missing file, or a missing ELECTRON_EXEC_PATH, for a binary', () => {
    const root = project();
    write(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    expect(start(root).status).toBe(1);
    expect(start(root, { ELECTRON_EXEC_PATH: path.join(root, 'nowhere') }).status).toBe(1);
  });

  it('with a binary starts electron-vite preview with it', () => {
    const root = project();
    write(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    write(path.join(root, 'node_modules/electron/dist/electron'), '');
    const run = start(root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      args: ['preview'],
      binary: path.join(root, 'node_modules/electron/dist/electron'),
    });
  });
});
