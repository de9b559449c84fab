import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { loadConfig, type AqparatTolqynyConfig } from './config';
import { seedDemo } from './demo/demo.seed';
import { FaceStatusChangeEntity } from './face/face-status-change.entity';
import { FaceSupportEntity } from './face/face-support.entity';
import { FaceEntity } from './face/face.entity';
import { MediaItemSubjectEntity } from './media-item/media-item-subject.entity';
import { MediaItemEntity } from './media-item/media-item.entity';
import { MediaPlanEntity } from './media-plan/media-plan.entity';
import { CreateMediaPlan20261122000300 } from './migrations/20261122000300-create-media-plan';
import { CreateMediaItem20261122000310 } from './migrations/20261122000310-create-media-item';
import { PublishMediaItem20261122020000 } from './migrations/20261122020000-publish-media-item';
import { CreateFace20261122020100 } from './migrations/20261122020100-create-face';
import { CreateNotificationOutbox20261204190000 } from './migrations/20261204190000-create-notification-outbox';
import { MediaPlanSubmittedBy20261204190100 } from './migrations/20261204190100-media-plan-submitted-by';
import { buildAqparatTolqynySchema } from './schema';

export const aqparatTolqyny: SubgraphDefinition<AqparatTolqynyConfig> = {
  name: 'aqparat-tolqyny',
  loadConfig,
  entities: [MediaPlanEntity, MediaItemEntity, MediaItemSubjectEntity, FaceEntity, FaceSupportEntity, FaceStatusChangeEntity],
  migrations: [
    CreateMediaPlan20261122000300,
    CreateMediaItem20261122000310,
    PublishMediaItem20261122020000,
    CreateFace20261122020100,
    CreateNotificationOutbox20261204190000,
    MediaPlanSubmittedBy20261204190100,
  ],
  buildSchema: buildAqparatTolqynySchema,
  seedDemo,
  producesNotifications: true,
};
