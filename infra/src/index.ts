// What the test-support package and benchmarks reuse of the orchestrator.
export * from './auth/dev-keys';
export * from './dev/free-port';
export * from './dev/system';
export * from './postgres/embedded-postgres';
export * from './postgres/provision';
