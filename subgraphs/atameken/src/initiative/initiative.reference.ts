import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { InitiativeEntity } from './initiative.entity';
import { InitiativeService } from './initiative.service';

export const initiativeReferenceResolver = {
  Initiative: {
    __resolveReference(reference: { id: string }, ctx: SubgraphContext): Promise<InitiativeEntity | null> {
      return new InitiativeService(ctx).byId(reference.id);
    },
  },
};
