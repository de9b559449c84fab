import { entityRef, type EntityKey } from '@rz/schema';

/**
 * rukhani-qazyna's Monument, by key: the gateway fetches its own fields there.
 * Resolvable here because this subgraph adds fields to it (events). Root value: { id }.
 */
export const MonumentRef = entityRef('Monument');
export type MonumentRef = EntityKey;
