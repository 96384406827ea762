// @ts-check
// The plain-Node build (vite.node.config.ts) keeps the dependencies external and emits ESM. Node
// imports a CommonJS package from ESM by reading and lexing its source (cjs-module-lexer) to
// find its export names, following every `__exportStar(require(...))` re-export, and only then
// runs it: for the Alibaba SDKs (one re-export of a file of 1,000+ model classes) that is a
// second pass over what require() reads once. This plugin rewrites, in each rendered chunk, the
// imports of CommonJS externals into require() calls with Node's ESM semantics kept: the default
// import is `module.exports`, a named import is its property, a namespace reads the exports'
// properties (`__esModule` too, as Node's namespace has it) with `default` = `module.exports`:
// what sdk.ts's sdkClient expects of either. ES modules and dual packages (an "import"
// condition, e.g. zod) stay imports; so do Node's built-ins.
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';

const REQUIRE = '__cjsRequire';
const NAMESPACE = '__cjsNamespace';
const PRELUDE =
  `import { createRequire as __cjsCreateRequire } from "node:module";\n` +
  `const ${REQUIRE} = __cjsCreateRequire(import.meta.url);\n` +
  // The namespace reads through to the exports (its prototype) rather than copying them: the
  // ECS and VPC SDKs export ~2,000 names each, all getters, and copying them took ~45 ms.
  `const ${NAMESPACE} = (m) => Object.freeze(m !== null && (typeof m === "object" || typeof m === "function") ` +
  `? Object.create(m, { default: { value: m, enumerable: true } }) : { default: m });\n`;

/** @param {unknown} exportsField */
function hasImportCondition(exportsField) {
  if (exportsField === null || typeof exportsField !== 'object') return false;
  return Object.entries(exportsField).some(
    ([key, value]) => key === 'import' || key === 'module' || hasImportCondition(value),
  );
}

/** @param {string} dir @returns {{ dir: string, json: Record<string, unknown> } | null} */
function nearestPackageJson(dir) {
  for (let at = dir; ; at = path.dirname(at)) {
    const file = path.join(at, 'package.json');
    if (fs.existsSync(file)) return { dir: at, json: JSON.parse(fs.readFileSync(file, 'utf8')) };
    if (path.dirname(at) === at) return null;
  }
}

/** `@scope/name/sub` -> `@scope/name`; `name/sub` -> `name`. @param {string} id */
const packageName = (id) =>
  id
    .split('/')
    .slice(0, id.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * True when Node would load `id` (a bare package specifier), imported from `root`, as CommonJS:
 * it resolves to a .cjs file or a .js file whose nearest package.json is not `"type": "module"`,
 * and the package offers no ES build of its own. Anything else (unresolvable included) is false:
 * left an import, which is always correct, only slower.
 * @param {string} id
 * @param {string} [root]
 */
export function isCommonJsPackage(id, root = process.cwd()) {
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('node:')) return false;
  if (builtinModules.includes(id) || builtinModules.includes(packageName(id))) return false;
  let file;
  try {
    file = createRequire(path.join(root, 'package.json')).resolve(id);
  } catch {
    return false;
  }
  const ext = path.extname(file);
  if (ext !== '.js' && ext !== '.cjs') return false;
  const nearest = nearestPackageJson(path.dirname(file));
  if (!nearest) return false;
  if (ext === '.js' && nearest.json.type === 'module') return false;
  // The package's own package.json (the nearest one may be a dist/ folder's).
  const name = packageName(id);
  let own = nearest;
  while (own.json.name !== name) {
    const up = nearestPackageJson(path.dirname(own.dir));
    if (!up) return false;
    own = up;
  }
  return own.json.type !== 'module' && !hasImportCondition(own.json.exports);
}

/** True when require() can load `id` from `root`. @param {string} id @param {string} root */
function requirable(id, root) {
  try {
    createRequire(path.join(root, 'package.json')).resolve(id);
    return true;
  } catch {
    return false;
  }
}

/** `a, b as c, default as d` -> `const` declarations from `source`. @param {string} list @param {string} source */
function namedBindings(list, source) {
  /** @type {string[]} */
  const fields = [];
  /** @type {string[]} */
  const lines = [];
  for (const item of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([\w$]+|"[^"]*")(?:\s+as\s+([\w$]+))?$/.exec(item);
    if (!m) throw new Error(`require-cjs-externals: cannot read the import binding "${item}"`);
    const imported = m[1] ?? '';
    const local = m[2] ?? imported;
    if (imported === 'default') lines.push(`const ${local} = ${source};`);
    else fields.push(imported === local ? local : `${imported}: ${local}`);
  }
  if (fields.length > 0) lines.push(`const { ${fields.join(', ')} } = ${source};`);
  return lines;
}

/**
 * One `import CLAUSE from "id"` as declarations over require(id). `source` names the exports
 * object when the clause has a default or namespace binding to read the named ones from.
 * @param {string} clause
 * @param {string} id
 */
function rewriteClause(clause, id) {
  const required = `${REQUIRE}(${JSON.stringify(id)})`;
  const m = /^(?:([\w$]+)\s*(?:,\s*)?)?(?:\*\s+as\s+([\w$]+))?\s*(?:\{([^}]*)\})?$/.exec(
    clause.trim(),
  );
  if (!m || (!m[1] && !m[2] && m[3] === undefined))
    throw new Error(`require-cjs-externals: cannot read the import of "${id}": ${clause}`);
  const [, def, ns, named] = m;
  /** @type {string[]} */
  const lines = [];
  let source = required;
  if (ns) {
    lines.push(`const ${ns} = ${NAMESPACE}(${required});`);
    source = `${ns}.default`;
  }
  if (def) {
    lines.push(`const ${def} = ${source};`);
    source = def;
  }
  if (named !== undefined) lines.push(...namedBindings(named, source));
  return lines.join(' ');
}

/**
 * The chunk with every import of a CommonJS package (static, side-effect only, or a dynamic
 * `import("id")`) turned into require(); null when it has none. An import or re-export of one
 * in a shape not known here fails the build rather than silently stay an import.
 * @param {string} code
 * @param {(id: string) => boolean} isCommonJs
 * @returns {string | null}
 */
export function rewriteCommonJsImports(code, isCommonJs) {
  let changed = false;
  // Rolldown writes each import on one line, double-quoted, at the top level.
  let out = code.replace(
    /^import\s+(?:([^"'\n]+?)\s+from\s+)?"([^"]+)";?[ \t]*$/gm,
    (line, clause, id) => {
      if (!isCommonJs(id)) return line;
      changed = true;
      return clause === undefined
        ? `${REQUIRE}(${JSON.stringify(id)});`
        : rewriteClause(clause, id);
    },
  );
  out = out.replace(/\bimport\(\s*"([^"]+)"\s*\)/g, (call, id) => {
    if (!isCommonJs(id)) return call;
    changed = true;
    return `Promise.resolve().then(() => ${NAMESPACE}(${REQUIRE}(${JSON.stringify(id)})))`;
  });
  for (const m of out.matchAll(/\bfrom\s*["']([^"']+)|\bimport\(\s*['"`]([^'"`]+)/g)) {
    const id = m[1] ?? m[2] ?? '';
    if (isCommonJs(id))
      throw new Error(`require-cjs-externals: "${id}" is still imported here: ${m[0]}`);
  }
  if (!changed) return null;
  if (code.includes(REQUIRE) || code.includes(NAMESPACE))
    throw new Error(`require-cjs-externals: the chunk already names ${REQUIRE}/${NAMESPACE}`);
  // First in the module (after a #! banner): imports are hoisted, so the declarations that
  // replaced them are initialised before any other statement of the chunk runs.
  const at = out.startsWith('#!') ? out.indexOf('\n') + 1 : 0;
  return `${out.slice(0, at)}${PRELUDE}${out.slice(at)}`;
}

/**
 * The Vite/Rollup plugin: `external` says which ids the build keeps external (the CommonJS
 * ones among them are rewritten); `root` is where they are resolved from. `dual` names dual
 * packages whose CommonJS build is to be required too: only when every import of it is in this
 * build (so no second copy is loaded as ESM) and that build is the same code.
 * @param {{ external: (id: string) => boolean, root?: string, dual?: string[] }} options
 * @returns {import('vite').Plugin}
 */
export function requireCommonJsExternals({ external, root = process.cwd(), dual = [] }) {
  /** @type {Map<string, boolean>} */
  const known = new Map();
  const isCommonJs = (/** @type {string} */ id) => {
    let value = known.get(id);
    if (value === undefined) {
      value =
        external(id) &&
        (isCommonJsPackage(id, root) || (dual.includes(packageName(id)) && requirable(id, root)));
      known.set(id, value);
    }
    return value;
  };
  return {
    name: 'require-cjs-externals',
    renderChunk(code) {
      const rewritten = rewriteCommonJsImports(code, isCommonJs);
      return rewritten === null ? null : { code: rewritten, map: null };
    },
  };
}
