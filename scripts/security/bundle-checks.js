// @ts-check
// Our own assertions on the built bundles (scripts/lint-security.js), because Electronegativity
// misses things: the secure webPreferences of every BrowserWindow as literals, no dangerous
// preference anywhere, the navigation/new-window/permission handlers installed, each permission
// handler granting nothing but PERMISSION_GRANTED_TO_OUR_PAGE, one object exposed by the
// preload, and the page's CSP.
import ts from 'typescript';

export const REQUIRED_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
});

/** Property values that must never appear in our bundles, whatever object they are in. */
const DANGEROUS = Object.freeze({
  nodeIntegration: true,
  nodeIntegrationInWorker: true,
  nodeIntegrationInSubFrames: true,
  contextIsolation: false,
  sandbox: false,
  webSecurity: false,
  allowRunningInsecureContent: true,
  experimentalFeatures: true,
  webviewTag: true,
});
const FORBIDDEN_KEYS = ['enableBlinkFeatures', 'enableRemoteModule'];

/** The one permission electron/main/hardening.ts may grant (the Copy buttons' clipboard write). */
export const PERMISSION_GRANTED_TO_OUR_PAGE = 'clipboard-sanitized-write';
const PERMISSION_HANDLERS = ['setPermissionRequestHandler', 'setPermissionCheckHandler'];

function literalValue(node) {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  // esbuild/rolldown may minify booleans to !0 / !1
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.ExclamationToken &&
    ts.isNumericLiteral(node.operand)
  ) {
    return node.operand.text === '0';
  }
  if (ts.isStringLiteralLike(node)) return node.text;
  return undefined;
}

function propertyName(node) {
  if (!ts.isPropertyAssignment(node)) return undefined;
  const name = node.name;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/** Problems in one JavaScript bundle (main process when `isMain`). */
export function checkBundle(source, fileName, { isMain = false, isPreload = false } = {}) {
  const problems = [];
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.JS,
  );
  let windows = 0;
  let exposures = 0;
  const calls = new Set();
  const constants = stringConstants(file);
  const where = (node) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    return `${fileName}:${line + 1}`;
  };
  const visit = (node) => {
    const key = propertyName(node);
    if (key !== undefined && ts.isPropertyAssignment(node)) {
      const value = literalValue(node.initializer);
      if (key in DANGEROUS && value === DANGEROUS[key])
        problems.push(`${where(node)}: ${key}: ${value}`);
      if (FORBIDDEN_KEYS.includes(key)) problems.push(`${where(node)}: ${key} is set`);
    }
    if (ts.isNewExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      if (name === 'BrowserWindow') {
        windows += 1;
        problems.push(...checkWindowOptions(node.arguments?.[0], where(node)));
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        const first = node.arguments[0];
        calls.add(method);
        if (method === 'on' && first && ts.isStringLiteralLike(first))
          calls.add(`on:${first.text}`);
        if (
          method === 'loadURL' &&
          first &&
          ts.isStringLiteralLike(first) &&
          /^http:/i.test(first.text)
        ) {
          problems.push(`${where(node)}: loadURL over plain http`);
        }
        if (PERMISSION_HANDLERS.includes(method)) {
          problems.push(...checkPermissionHandler(first, method, constants, where(node)));
        }
        if (method === 'exposeInMainWorld') {
          exposures += 1;
          if (!(first && ts.isStringLiteralLike(first) && first.text === 'guard')) {
            problems.push(`${where(node)}: exposeInMainWorld for something other than "guard"`);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (isMain) {
    if (windows === 0)
      problems.push(`${fileName}: no BrowserWindow found (did the bundle change shape?)`);
    for (const needed of [
      'setWindowOpenHandler',
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'requestSingleInstanceLock',
      'registerSchemesAsPrivileged',
      'on:will-navigate',
      'on:web-contents-created',
    ]) {
      if (!calls.has(needed)) problems.push(`${fileName}: ${needed} is never called`);
    }
  }
  if (isPreload && exposures !== 1)
    problems.push(`${fileName}: exposeInMainWorld called ${exposures} times, expected once`);
  return problems;
}

/** `const NAME = "text"` anywhere in the file: NAME -> text (a bundler may keep a constant). */
function stringConstants(file) {
  const map = new Map();
  const visit = (node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      ts.isStringLiteralLike(node.initializer)
    ) {
      map.set(node.name.text, node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return map;
}

/**
 * A permission handler must be a function written out in place that never grants outright (no
 * `true` anywhere in it) and names no permission but PERMISSION_GRANTED_TO_OUR_PAGE, which it
 * compares with its `permission` parameter (the second one in both Electron handlers). Which
 * page gets it (our app:// main frame) is decided by isTrustedPageUrl, unit-tested on its own.
 */
function checkPermissionHandler(handler, method, constants = new Map(), at = method) {
  if (!handler || !(ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) {
    return [`${at}: ${method} is not given a function written out in place`];
  }
  const problems = [];
  const permissionParam = handler.parameters[1]?.name;
  const permissionName =
    permissionParam && ts.isIdentifier(permissionParam) ? permissionParam.text : undefined;
  let comparesGranted = false;
  const textOf = (node) =>
    ts.isStringLiteralLike(node)
      ? node.text
      : ts.isIdentifier(node) && constants.has(node.text)
        ? constants.get(node.text)
        : undefined;
  const visit = (node) => {
    if (literalValue(node) === true) problems.push(`${at}: ${method} handler contains \`true\``);
    if (ts.isStringLiteralLike(node) && node.text !== PERMISSION_GRANTED_TO_OUR_PAGE) {
      problems.push(`${at}: ${method} handler names "${node.text}"`);
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken
    ) {
      const sides = [node.left, node.right];
      const param = sides.find((n) => ts.isIdentifier(n) && n.text === permissionName);
      const other = sides.find((n) => n !== param);
      if (param && other && textOf(other) === PERMISSION_GRANTED_TO_OUR_PAGE)
        comparesGranted = true;
    }
    if (ts.isIdentifier(node) && constants.has(node.text)) {
      const text = constants.get(node.text);
      if (text !== PERMISSION_GRANTED_TO_OUR_PAGE)
        problems.push(`${at}: ${method} handler names "${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(handler.body);
  if (!comparesGranted) {
    problems.push(
      `${at}: ${method} handler does not compare its permission with "${PERMISSION_GRANTED_TO_OUR_PAGE}" (===)`,
    );
  }
  return problems;
}

function checkWindowOptions(options, at) {
  if (!options || !ts.isObjectLiteralExpression(options)) {
    return [
      `${at}: BrowserWindow options are not an object literal; write them out so they can be checked`,
    ];
  }
  const prefs = options.properties.find((p) => propertyName(p) === 'webPreferences');
  if (
    !prefs ||
    !ts.isPropertyAssignment(prefs) ||
    !ts.isObjectLiteralExpression(prefs.initializer)
  ) {
    return [`${at}: webPreferences are not an object literal`];
  }
  const problems = [];
  const values = new Map();
  for (const p of prefs.initializer.properties) {
    if (ts.isSpreadAssignment(p))
      problems.push(`${at}: webPreferences use a spread, which cannot be checked`);
    const key = propertyName(p);
    if (key !== undefined && ts.isPropertyAssignment(p))
      values.set(key, literalValue(p.initializer));
  }
  for (const [key, expected] of Object.entries(REQUIRED_WEB_PREFERENCES)) {
    if (values.get(key) !== expected)
      problems.push(`${at}: webPreferences.${key} must be ${expected} (found ${values.get(key)})`);
  }
  if (!values.has('preload')) problems.push(`${at}: webPreferences.preload is missing`);
  return problems;
}

export function checkRendererHtml(html, fileName) {
  const tag = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0] ?? '';
  const content = /content=(["'])([\s\S]*?)\1/i.exec(tag)?.[2] ?? '';
  const scriptSrc = /(?:^|;)\s*script-src\s+([^;]*)/i.exec(content)?.[1]?.trim();
  return scriptSrc === "'self'"
    ? []
    : [`${fileName}: no CSP meta tag with script-src 'self' alone`];
}
