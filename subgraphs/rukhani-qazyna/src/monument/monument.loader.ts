import { byIdLoader } from '@rz/subgraph-runtime';
import { MonumentEntity } from './monument.entity';

/** Monuments by id, one query per request tick; missing ids resolve to null. */
export const monumentByIdLoader = byIdLoader(MonumentEntity);
