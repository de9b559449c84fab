import { entityRef, type EntityKey } from '@rz/schema';

/**
 * rukhani-qazyna owns Monument; this subgraph adds the complaints about it, so the
 * stub is resolvable by key. Root value: { id }.
 */
export const MonumentRef = entityRef('Monument');
export type MonumentRef = EntityKey;
