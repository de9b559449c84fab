import { listByKeyLoader } from '@rz/subgraph-runtime';
import { MonumentConditionAssessmentEntity } from './monument-condition.entity';

/** Condition history per monument, latest first, one query per request tick. */
export const conditionHistoryLoader = listByKeyLoader(MonumentConditionAssessmentEntity, 'monumentId', { order: { assessedOn: 'DESC', id: 'DESC' } });
