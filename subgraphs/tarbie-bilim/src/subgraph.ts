import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { seedEvents } from './demo/events.seed';
import { EventMonumentEntity } from './event/event-monument.entity';
import { EventEntity } from './event/event.entity';
import { CreateEvent20261122000200 } from './migrations/20261122000200-create-event';
import { buildTarbieBilimSchema } from './schema';

export const tarbieBilim: SubgraphDefinition = {
  name: 'tarbie-bilim',
  entities: [EventEntity, EventMonumentEntity],
  migrations: [CreateEvent20261122000200],
  buildSchema: buildTarbieBilimSchema,
  seedDemo: seedEvents,
};
