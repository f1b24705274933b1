// Three projects: node (shared, db, services, handlers, CLI, shell with a mocked electron), dom (renderer with
// @testing-library/react in jsdom) and e2e (Debian Chromium driven by playwright-core against the preview).
// Tests run in the clerks' time zone: dates are local days in China, while stored moments are UTC, and the hours
// between midnight and 08:00 are where the two disagree. (Set before any worker starts; workers inherit it.)
process.env.TZ = 'Asia/Shanghai';

const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } },
  ],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/e2e/', '<rootDir>/test/renderer/'],
    },
    {
      displayName: 'dom',
      testEnvironment: 'jsdom',
      transform,
      transformIgnorePatterns: ['/node_modules/(?!(antd|@ant-design|rc-[^/]+|@rc-component|@babel/runtime)/)'],
      testMatch: ['<rootDir>/test/renderer/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/renderer/setup.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
