import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { EventEntity } from './event.entity';
import { EventService } from './event.service';

export const eventReferenceResolver = {
  Event: {
    __resolveReference(reference: { id: string }, ctx: SubgraphContext): Promise<EventEntity | null> {
      return new EventService(ctx).byId(reference.id);
    },
  },
};
