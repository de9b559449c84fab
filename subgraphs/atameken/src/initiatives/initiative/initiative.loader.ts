import { byIdLoader } from '@rz/subgraph-runtime';
import { InitiativeEntity } from './initiative.entity';

/** Initiatives by id, one query per request tick; missing or malformed ids resolve to null. */
export const initiativeByIdLoader = byIdLoader(InitiativeEntity);
