import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { MediaPlanEntity } from './media-plan.entity';
import { MediaPlanService } from './media-plan.service';

export const mediaPlanReferenceResolver = {
  MediaPlan: {
    __resolveReference(reference: { id: string }, ctx: SubgraphContext): Promise<MediaPlanEntity | null> {
      return new MediaPlanService(ctx).visibleById(reference.id);
    },
  },
};
