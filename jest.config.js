// Three projects: node (shared, db, services, handlers, CLI, shell with a mocked electron), dom (renderer with
// @testing-library/react in jsdom) and e2e (Debian Chromium driven by playwright-core against the preview).
// Tests run in the clerks' time zone: dates are local days in China, while stored moments are UTC, and the hours
// between midnight and 08:00 are where the two disagree. (Set before any worker starts; workers inherit it.)
process.env.TZ = 'Asia/Shanghai';
// Data files are encrypted: the CLI and the preview the tests start read the tests' data key from this key file
// (test/support/testKey.ts holds the same key in memory for the suites). A test of the refusals unsets it.
process.env.CASEDESK_KEY_FILE = require('node:path').join(__dirname, 'test', 'support', 'test-data.key');
// Every temp file of a run (the suites' data files, packages, PDFs, browser profiles, and the programs they start)
// goes into one folder of the run, made before the workers start (test/support/makeRunTemp.cjs; they and their
// children inherit TMPDIR) and removed when the run ends (test/support/removeRunTemp.cjs): the suites make tens of
// thousands of temp folders, several GB a run, and a machine running the tests day after day filled its disk with
// them. (jest's own cache folder was chosen before and stays where it is.)

const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
      },
    },
  ],
};

// Budgets: 30 s for any test (jest's 5 s default failed a packing test on a busy machine), sized for a loaded
// 2-core machine (CI may run beside other work); a passing test finishes as soon as its work is done, so a
// generous budget costs nothing. Suites doing heavy work (Chromium, PDF, LibreOffice, child processes, SIGKILL,
// packing) set their own with jest.setTimeout, and test/budgets.test.ts holds them to it.
//
// Workers: jest's default on 2 cores is one worker, which left one core idle for most of the run; two keep both
// busy (each suite's SQLite files are its own, in temp dirs).
// npm run test:quick (CASEDESK_TEST_QUICK=1) is the inner loop: the unit, handler and renderer tests without the
// suites that drive Chromium, pack the app, start LibreOffice or other programs or kill processes — the files
// test/heavySuites.cjs calls heavy, wherever they are — and without those that run the program whole (the CLI and
// scripts in test/scripts/, the main process started against a mocked electron). npm test runs them all.
const QUICK = process.env.CASEDESK_TEST_QUICK === '1';
const SLOW_SUITES = QUICK ? require('./test/heavySuites.cjs').outsideQuick(`${__dirname}/test`) : [];

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/support/makeRunTemp.cjs',
  globalTeardown: '<rootDir>/test/support/removeRunTemp.cjs',
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/e2e/', '<rootDir>/test/renderer/', ...SLOW_SUITES],
      // New password hashes at scrypt's test cost (electron/services/accounts/passwords.ts says why).
      setupFiles: ['<rootDir>/test/support/nodeSetup.ts'],
    },
    {
      displayName: 'dom',
      testEnvironment: 'jsdom',
      transform,
      transformIgnorePatterns: ['/node_modules/(?!(antd|@ant-design|rc-[^/]+|@rc-component|@babel/runtime)/)'],
      testMatch: ['<rootDir>/test/renderer/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/renderer/setup.ts'],
      // antd's components loaded when first used (test/renderer/antdOnDemand.cjs says why).
      moduleNameMapper: { '^antd$': '<rootDir>/test/renderer/antdOnDemand.cjs' },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
