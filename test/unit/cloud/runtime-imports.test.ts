// What electron/ imports at run time must be a dependency: the packaged app and `npm ci
// --omit=dev` have nothing else, and the CLI build keeps only dependencies external (a
// devDependency imported here would be bundled whole). The ECS and VPC SDKs are devDependencies
// for the wire test only (cloud/rpc-wire.ts says why); this keeps them out of the app.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };

/** Every .ts file under dir. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? sources(file) : e.name.endsWith('.ts') ? [file] : [];
  });
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
const packageOf = (spec: string) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;

/** Bare packages a file loads at run time (static and dynamic imports, not `import type`). */
function runtimeImports(text: string): string[] {
  const specs = [
    ...text.matchAll(/^(?:import|export)(?!\s+type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^import\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specs.filter((s) => !s.startsWith('.') && !s.startsWith('node:')).map(packageOf);
}

describe('electron/ run-time imports', () => {
  it('name only dependencies (electron itself is the runtime)', () => {
    const allowed = new Set([...Object.keys(pkg.dependencies), 'electron']);
    const stray = sources(path.resolve('electron')).flatMap((file) =>
      runtimeImports(readFileSync(file, 'utf8'))
        .filter((p) => !allowed.has(p))
        .map((p) => `${path.relative(process.cwd(), file)}: ${p}`),
    );
    expect(stray).toEqual([]);
  });

  it('sees static, dynamic and side-effect imports, and skips type-only ones', () => {
    expect(
      runtimeImports(
        [
          "import { a } from '@alicloud/ecs20140526';",
          "import type { B } from '@alicloud/vpc20160428';",
          "import 'zod/side';",
          "const m = await import('@alicloud/vpc20160428/dist/client');",
          "import { c } from './local';",
          "import fs from 'node:fs';",
        ].join('\n'),
      ),
    ).toEqual(['@alicloud/ecs20140526', 'zod', '@alicloud/vpc20160428']);
  });
});
