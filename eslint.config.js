// ESLint guards the boundaries between the layers, not style (Prettier owns style, tsc owns types). Each rule
// fails `npm run lint` (part of `npm test`); test/lint.test.ts plants a violation of each and expects the error.
// Import cycles are not here: test/importCycles.test.ts is their one check.
const tseslint = require('typescript-eslint');
const { importX, createNodeResolver } = require('eslint-plugin-import-x');

// The `electron` package, however it is loaded: only the shell's two entry points may (everything else runs in
// plain Node, where tests and the CLI load it).
const ELECTRON_IMPORT = { name: 'electron', message: 'Only electron/main.ts and electron/preload.ts import electron.' };
const ELECTRON_LOADS = [
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value='electron']",
    message: ELECTRON_IMPORT.message,
  },
  { selector: "ImportExpression[source.value='electron']", message: ELECTRON_IMPORT.message },
];

module.exports = [
  {
    ignores: ['node_modules/', 'dist/', 'release/', 'coverage/', 'test-results/', '.electron-native/', '.bench-cache/'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.cjs'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.cjs', '.json'] })],
    },
    rules: {
      'no-restricted-imports': ['error', { paths: [ELECTRON_IMPORT] }],
      'no-restricted-syntax': ['error', ...ELECTRON_LOADS],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './renderer',
              from: ['./db', './electron'],
              message: 'The renderer reaches the database and the shell only through the contract (shared/).',
            },
            {
              target: './shared',
              from: './',
              except: ['./shared', './node_modules'],
              message: 'shared/ is pure: it imports nothing outside shared/.',
            },
            {
              target: './electron/services',
              from: './electron/handlers',
              message: 'Handlers call services, never the other way round.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    // shared/ runs in the renderer and in Node alike: no Node built-ins, no package but zod.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON_IMPORT],
          patterns: [
            {
              regex: '^(?!zod$|\\.)',
              message: 'shared/ is pure (no Node, no DOM): of the packages it imports only zod.',
            },
          ],
        },
      ],
    },
  },
];
