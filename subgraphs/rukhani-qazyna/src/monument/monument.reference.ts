import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { MonumentEntity } from './monument.entity';
import { MonumentService } from './monument.service';

export const monumentReferenceResolver = {
  Monument: {
    __resolveReference(reference: { id: string }, ctx: SubgraphContext): Promise<MonumentEntity | null> {
      return new MonumentService(ctx).byId(reference.id);
    },
  },
};
