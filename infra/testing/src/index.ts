export * from './graphql-client';
export * from './refusal';
export * from './subgraph-harness';
export * from './system-harness';
export * from './test-env';
export * from './ws-client';
export * from './territory-batch';
export * from './notification-outbox';
