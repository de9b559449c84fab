const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

/** One jest run, one PostgreSQL: unit and subgraph tests beside the code, whole-system tests in e2e/. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest', swc] },
  // ESM-only dependencies are compiled to CommonJS for jest's module system.
  transformIgnorePatterns: ['/node_modules/(?!(jose|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit)/)'],
  testMatch: ['<rootDir>/{schema,subgraphs,gateway,infra}/**/src/**/*.test.ts', '<rootDir>/e2e/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Workspace packages resolve to their sources, so tests never need a build of them.
  moduleNameMapper: {
    '^@rz/contract$': '<rootDir>/schema/contract/src/index.ts',
    '^@rz/schema$': '<rootDir>/schema/src/index.ts',
    '^@rz/client$': '<rootDir>/schema/client/src/index.ts',
    '^@rz/service-kit$': '<rootDir>/infra/kit/src/index.ts',
    '^@rz/subgraph-runtime$': '<rootDir>/subgraphs/runtime/src/index.ts',
    '^@rz/infra$': '<rootDir>/infra/src/index.ts',
    '^@rz/test-support$': '<rootDir>/infra/testing/src/index.ts',
  },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/infra/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/infra/testing/src/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
