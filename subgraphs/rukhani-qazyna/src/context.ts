import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { RukhaniQazynaConfig } from './config';

/** What rukhani-qazyna's resolvers and services get: its own config (PUBLIC_BASE_URL), typed. */
export type RukhaniQazynaContext = SubgraphContext<RukhaniQazynaConfig>;
