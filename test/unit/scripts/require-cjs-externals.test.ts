// scripts/require-cjs-externals.js: which externals are CommonJS, how a rendered chunk's imports
// of them are rewritten, and (in a real Node process) that the rewritten chunk gets the very
// same values the ES imports gave: the built CLI's sdkClient and SDK calls depend on it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isCommonJsPackage,
  requireCommonJsExternals,
  rewriteCommonJsImports,
} from '../../../scripts/require-cjs-externals.js';

const CJS = new Set(['@alicloud/openapi-core', '@darabonba/typescript', '@alicloud/sts20150401']);
const isCjs = (id: string) => CJS.has(id);

describe('isCommonJsPackage', () => {
  it('is true for the CommonJS dependencies the CLI imports', () => {
    for (const id of ['@alicloud/openapi-core', '@darabonba/typescript', '@napi-rs/keyring'])
      expect(isCommonJsPackage(id), id).toBe(true);
  });

  it('is false for ES modules, dual packages, built-ins, relative and unknown ids', () => {
    for (const id of ['zod', 'https-proxy-agent', 'node:fs', 'fs', 'fs/promises', './x.js'])
      expect(isCommonJsPackage(id), id).toBe(false);
    expect(isCommonJsPackage('no-such-package-anywhere')).toBe(false);
  });
});

describe('rewriteCommonJsImports', () => {
  it('turns each static and dynamic import of a CommonJS package into require()', () => {
    const chunk = [
      '#!/usr/bin/env node',
      'import { a as GuardError } from "./contract-x.js";',
      'import OpenApiSdk, { $OpenApiUtil } from "@alicloud/openapi-core";',
      'import * as $dara from "@darabonba/typescript";',
      'import { z } from "zod";',
      'import { default as Sts, Client as C, x } from "@alicloud/sts20150401";',
      'import "@alicloud/sts20150401";',
      'const m = await import("@alicloud/sts20150401");',
      'const n = await import("zod");',
    ].join('\n');
    const out = rewriteCommonJsImports(chunk, isCjs)!;
    const lines = out.split('\n');
    expect(lines[0]).toBe('#!/usr/bin/env node');
    expect(lines[1]).toContain('createRequire as __cjsCreateRequire');
    expect(out).toContain('import { a as GuardError } from "./contract-x.js";');
    expect(out).toContain(
      'const OpenApiSdk = __cjsRequire("@alicloud/openapi-core"); const { $OpenApiUtil } = OpenApiSdk;',
    );
    expect(out).toContain('const $dara = __cjsNamespace(__cjsRequire("@darabonba/typescript"));');
    expect(out).toContain('import { z } from "zod";');
    expect(out).toContain(
      'const Sts = __cjsRequire("@alicloud/sts20150401"); const { Client: C, x } = __cjsRequire("@alicloud/sts20150401");',
    );
    expect(out).toContain('\n__cjsRequire("@alicloud/sts20150401");\n');
    expect(out).toContain(
      'const m = await Promise.resolve().then(() => __cjsNamespace(__cjsRequire("@alicloud/sts20150401")));',
    );
    expect(out).toContain('const n = await import("zod");');
  });

  it('leaves a chunk without CommonJS imports alone', () => {
    expect(rewriteCommonJsImports('import { z } from "zod";\nz.string();\n', isCjs)).toBeNull();
  });

  it('fails the build on an import of a CommonJS package it cannot rewrite', () => {
    expect(() =>
      rewriteCommonJsImports('export { default } from "@alicloud/openapi-core";\n', isCjs),
    ).toThrow(/still imported/);
  });
});

describe('the plugin', () => {
  const render = (options: Parameters<typeof requireCommonJsExternals>[0], code: string) => {
    const hook = requireCommonJsExternals(options).renderChunk as (code: string) => unknown;
    return hook.call({}, code) as { code: string } | null;
  };
  const chunk = 'import { z } from "zod";\nimport OpenApiSdk from "@alicloud/openapi-core";\n';

  it('rewrites the external CommonJS packages, and a dual package only when named', () => {
    const external = () => true;
    expect(render({ external }, chunk)?.code).toContain('import { z } from "zod";');
    expect(render({ external }, chunk)?.code).toContain(
      'const OpenApiSdk = __cjsRequire("@alicloud/openapi-core");',
    );
    expect(render({ external, dual: ['zod'] }, chunk)?.code).toContain(
      'const { z } = __cjsRequire("zod");',
    );
  });

  it('leaves what the build bundles alone', () => {
    expect(render({ external: () => false, dual: ['zod'] }, chunk)).toBeNull();
  });
});

describe('a rewritten chunk in Node', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-cjs-'));
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gets the same default, named, namespace and dynamic values as the ES imports', () => {
    const chunk = [
      'import OpenApiSdk, { $OpenApiUtil } from "@alicloud/openapi-core";',
      'import * as $dara from "@darabonba/typescript";',
      'export const values = async () => ({ OpenApiSdk, $OpenApiUtil, $dara, $Sts: await import("@alicloud/sts20150401") });',
    ].join('\n');
    writeFileSync(path.join(dir, 'imported.mjs'), chunk);
    writeFileSync(path.join(dir, 'required.mjs'), rewriteCommonJsImports(chunk, isCjs)!);
    writeFileSync(
      path.join(dir, 'compare.mjs'),
      `import { values as viaImport } from './imported.mjs';
import { values as viaRequire } from './required.mjs';
const a = await viaImport();
const b = await viaRequire();
const same = (x, y) => Object.keys(x).length > 0 && Object.keys(x).every((k) => x[k] === y[k]);
console.log(JSON.stringify({
  defaultImport: a.OpenApiSdk === b.OpenApiSdk,
  named: a.$OpenApiUtil === b.$OpenApiUtil && typeof b.$OpenApiUtil.Config === 'function',
  namespace: same(a.$dara, b.$dara) && b.$dara.default === a.$dara.default,
  dynamic: same(a.$Sts, b.$Sts) && typeof b.$Sts.default.default === 'function',
}));\n`,
    );
    const run = spawnSync(process.execPath, [path.join(dir, 'compare.mjs')], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      defaultImport: true,
      named: true,
      namespace: true,
      dynamic: true,
    });
  });
});
