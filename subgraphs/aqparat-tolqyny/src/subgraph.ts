import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { seedMediaPlans } from './demo/media-plans.seed';
import { MediaItemSubjectEntity } from './media-item/media-item-subject.entity';
import { MediaItemEntity } from './media-item/media-item.entity';
import { MediaPlanEntity } from './media-plan/media-plan.entity';
import { CreateMediaPlan20261122000300 } from './migrations/20261122000300-create-media-plan';
import { CreateMediaItem20261122000310 } from './migrations/20261122000310-create-media-item';
import { buildAqparatTolqynySchema } from './schema';

export const aqparatTolqyny: SubgraphDefinition = {
  name: 'aqparat-tolqyny',
  entities: [MediaPlanEntity, MediaItemEntity, MediaItemSubjectEntity],
  migrations: [CreateMediaPlan20261122000300, CreateMediaItem20261122000310],
  buildSchema: buildAqparatTolqynySchema,
  seedDemo: seedMediaPlans,
};
