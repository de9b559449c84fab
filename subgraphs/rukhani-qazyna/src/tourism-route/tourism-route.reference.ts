import type { TourismRouteEntity } from './tourism-route.entity';
import { TourismRouteService } from './tourism-route.service';
import type { RukhaniQazynaContext } from '../context';

/** Drafts resolve to null for callers who may not see them. */
export const tourismRouteReferenceResolver = {
  TourismRoute: {
    __resolveReference(reference: { id: string }, ctx: RukhaniQazynaContext): Promise<TourismRouteEntity | null> {
      return new TourismRouteService(ctx).byId(reference.id);
    },
  },
};
