export * from './gql/graphql';
export { SCALAR_TYPES, type DateTimeISO } from './scalars';
export * from './request';
export * from './cache/connection-fields';
export * from './cache/nodes-page';
export * from './cache/apollo-type-policies';
