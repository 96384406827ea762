// Flat config. Besides the usual rules it holds the architecture (shared/ARCHITECTURE.md):
//   core and contract never import Electron; the renderer never imports the core or touches
//   window.guard outside renderer/src/lib/api.ts; only tests, bench and the demo wiring import
//   the simulator. test/unit/lint-rules.test.ts proves each rule fires on a violation.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.mjs';

const simulatorImport = {
  group: ['**/simulator', '**/simulator/**'],
  message: 'Only tests, bench and the demo wiring (electron/core/demo/) may import the simulator.',
};

const electronImport = {
  name: 'electron',
  message: 'electron/core and electron/contract are plain Node/TypeScript: never import Electron.',
};

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
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [simulatorImport] }],
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
    files: ['electron/core/**', 'electron/contract/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport], patterns: [simulatorImport] }],
    },
  },
  {
    // The contract is shared with the renderer and preload: no Node built-ins either.
    files: ['electron/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            simulatorImport,
            { group: ['node:*'], message: 'The contract is pure TypeScript: no Node imports.' },
            { group: ['../core/**', '../main/**'], message: 'The contract depends on nothing.' },
          ],
        },
      ],
    },
  },
  {
    // The demo wiring is the one place in the core allowed to start the simulator.
    files: ['electron/core/demo/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport] }],
    },
  },
  {
    // The browser demo's server (electron/web-demo/) is a thin transport like the CLI: core and
    // contract, plus the two Electron-free helpers of the app:// handler (the CSP and the path
    // rules), so the browser gets the very page and policy the window gets. Nothing else of main,
    // no Electron, and no simulator (the core's demo wiring starts it).
    files: ['electron/web-demo/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The browser demo runs under plain Node.' }],
          patterns: [
            simulatorImport,
            {
              group: ['**/main/*', '!**/main/protocol', '!**/main/security'],
              message:
                'The browser demo may use only electron/main/protocol and electron/main/security (no Electron in them).',
            },
            {
              group: ['**/cli', '**/cli/**', '**/preload', '**/preload/**', '**/renderer/**'],
              message: 'The browser demo talks to the core and the contract only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            simulatorImport,
            {
              group: [
                '**/electron/core',
                '**/electron/core/**',
                '**/electron/main/**',
                '**/electron/preload/**',
              ],
              message:
                'The renderer talks to the main process only through renderer/src/lib/api.ts.',
            },
            { group: ['node:*'], message: 'The renderer runs in a sandbox: no Node modules.' },
          ],
          paths: [{ name: 'electron', message: 'The renderer never imports Electron.' }],
        },
      ],
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
    // Tests, bench and the simulator itself may use the simulator.
    files: ['test/**', 'bench/**', 'simulator/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Playwright reads fixture dependencies from the destructuring pattern, even an empty one.
    files: ['test/e2e/**', 'test/electron/**', 'bench/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
