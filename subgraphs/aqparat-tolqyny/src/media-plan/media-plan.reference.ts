import type { MediaPlanEntity } from './media-plan.entity';
import { MediaPlanService } from './media-plan.service';
import type { AqparatTolqynyContext } from '../context';

export const mediaPlanReferenceResolver = {
  MediaPlan: {
    __resolveReference(reference: { id: string }, ctx: AqparatTolqynyContext): Promise<MediaPlanEntity | null> {
      return new MediaPlanService(ctx).visibleById(reference.id);
    },
  },
};
