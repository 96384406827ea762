// Flat config. Besides the usual rules it holds the architecture (shared/ARCHITECTURE.md, "Arrows")
// in ONE table, ROOMS below: each room of the code and the rooms it may import (its own files
// always). The rule that enforces it resolves every import to the room it lands in
// (scripts/eslint-layering.js); test/unit/lint-rules.test.ts proves each forbidden arrow is
// reported and each allowed one is not. Beside the table: only renderer/src/lib/api.ts touches
// window.guard, and the contract uses only globals that exist in both Node and the browser.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { checkedRooms, layeringRule } from './scripts/eslint-layering.js';
import { rendererAliases } from './scripts/renderer-aliases.js';
import svelteConfig from './svelte.config.mjs';

// Outside rooms: 'electron', 'node' (built-ins), 'packages' (any other npm package, the SDKs too).
// Files in no room (test/, bench/, scripts/, config files) may import anything.
// Globals only Node has (process, Buffer, require, ...): off where the code also runs in a page.
const nodeOnlyGlobals = Object.fromEntries(
  Object.keys(globals.node)
    .filter((name) => !(name in globals.browser))
    .map((name) => [name, 'off']),
);

const ROOMS = checkedRooms({
  // The typed API shared by every side: pure TypeScript (zod), depends on nothing of ours.
  contract: { path: 'electron/contract', may: ['packages'] },
  // All behaviour, plain Node: never Electron, never a shell.
  core: { path: 'electron/core', may: ['contract', 'demo', 'node', 'packages'] },
  // The demo wiring: the one room outside tests and bench that starts the simulator.
  demo: { path: 'electron/core/demo', may: ['core', 'contract', 'simulator', 'node', 'packages'] },
  // What both shells (the desktop window and the browser demo) serve the page with: no Electron.
  shell: { path: 'electron/shell', may: ['contract', 'node'] },
  main: {
    path: 'electron/main',
    may: ['core', 'contract', 'shell', 'electron', 'node', 'packages'],
  },
  cli: { path: 'electron/cli', may: ['core', 'contract', 'manifest', 'node', 'packages'] },
  'web-demo': {
    path: 'electron/web-demo',
    may: ['core', 'contract', 'shell', 'manifest', 'node', 'packages'],
  },
  // Sandboxed: the contract's bridge and Electron's contextBridge, nothing else.
  preload: { path: 'electron/preload', may: ['contract', 'electron'] },
  // Talks to the main process only through renderer/src/lib/api.ts; no Node, no Electron.
  renderer: { path: 'renderer', may: ['contract', 'packages'] },
  // The local Alibaba Cloud: its own world, nothing of the app.
  simulator: { path: 'simulator', may: ['node', 'packages'] },
  // package.json (the version the CLI and the browser demo print).
  manifest: { path: 'package.json', may: [] },
});

export default ts.config(
  {
    ignores: [
      'out/',
      'release/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    plugins: { layering: { rules: { rooms: layeringRule } } },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'layering/rooms': ['error', { rooms: ROOMS, aliases: rendererAliases() }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    // The contract runs in the main process and in the renderer: only the globals both have
    // (no window or document, no process or Buffer). TypeScript checks types, so only values.
    files: ['electron/contract/**'],
    languageOptions: {
      globals: {
        ...nodeOnlyGlobals,
        ...Object.fromEntries(Object.keys(globals.browser).map((name) => [name, 'off'])),
        ...globals['shared-node-browser'],
      },
    },
    rules: { 'no-undef': 'error' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...nodeOnlyGlobals, ...globals.browser } },
    rules: {
      'no-undef': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='guard']",
          message:
            'Only renderer/src/lib/api.ts may touch window.guard; call its functions instead.',
        },
      ],
    },
  },
  {
    files: ['renderer/src/lib/api.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Playwright reads fixture dependencies from the destructuring pattern, even an empty one.
    files: ['test/e2e/**', 'test/electron/**', 'bench/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
