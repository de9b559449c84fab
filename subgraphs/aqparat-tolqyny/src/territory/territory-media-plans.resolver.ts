import { territoryConnectionResolver } from '@rz/schema';
import { MediaPlanFilter } from '../media-plan/media-plan.input';
import { MediaPlanService } from '../media-plan/media-plan.service';
import { MediaPlanConnection } from '../media-plan/media-plan.type';
import type { AqparatTolqynyContext } from '../context';

export const TerritoryMediaPlansResolver = territoryConnectionResolver({
  field: 'mediaPlans',
  returns: () => MediaPlanConnection,
  description: 'Media plans of this territory and of the units below it',
  argument: MediaPlanFilter,
  list: (ctx: AqparatTolqynyContext, territory, filter, page) => new MediaPlanService(ctx).list({ ...filter, territory }, page),
});
