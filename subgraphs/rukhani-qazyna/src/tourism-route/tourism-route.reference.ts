import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { TourismRouteEntity } from './tourism-route.entity';
import { TourismRouteService } from './tourism-route.service';

/** Drafts resolve to null for callers who may not see them. */
export const tourismRouteReferenceResolver = {
  TourismRoute: {
    __resolveReference(reference: { id: string }, ctx: SubgraphContext): Promise<TourismRouteEntity | null> {
      return new TourismRouteService(ctx).byId(reference.id);
    },
  },
};
