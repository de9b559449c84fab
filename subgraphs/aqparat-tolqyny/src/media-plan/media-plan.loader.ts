import { byIdLoader } from '@rz/subgraph-runtime';
import { MediaPlanEntity } from './media-plan.entity';

/** Media plans by id, one query per request tick; unknown or malformed ids resolve to null. */
export const mediaPlanByIdLoader = byIdLoader(MediaPlanEntity);
