import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { seedMonuments } from './demo/monuments.seed';
import { CreateMonument20261122000000 } from './migrations/20261122000000-create-monument';
import { MonumentEntity } from './monument/monument.entity';
import { buildRukhaniQazynaSchema } from './schema';

export const rukhaniQazyna: SubgraphDefinition = {
  name: 'rukhani-qazyna',
  entities: [MonumentEntity],
  migrations: [CreateMonument20261122000000],
  buildSchema: buildRukhaniQazynaSchema,
  seedDemo: seedMonuments,
};
