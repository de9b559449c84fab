import { territoryConnectionResolver } from '@rz/schema';
import { territoryListBatch } from '@rz/subgraph-runtime';
import { MediaPlanFilter } from '../media-plan/media-plan.input';
import { MediaPlanService } from '../media-plan/media-plan.service';
import { MediaPlanConnection } from '../media-plan/media-plan.type';
import type { AqparatTolqynyContext } from '../context';

export const TerritoryMediaPlansResolver = territoryConnectionResolver({
  field: 'mediaPlans',
  returns: () => MediaPlanConnection,
  description: 'Media plans of this territory and of the units below it',
  argument: MediaPlanFilter,
  list: territoryListBatch((ctx: AqparatTolqynyContext, codes, filter, page) => new MediaPlanService(ctx).listWithin(codes, filter, page)),
});
