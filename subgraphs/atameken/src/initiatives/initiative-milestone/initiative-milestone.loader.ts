import { listByKeyLoader } from '@rz/subgraph-runtime';
import { InitiativeMilestoneEntity } from './initiative-milestone.entity';

/** Milestones per initiative in the order they happened: one query for a whole page. */
export const initiativeMilestonesLoader = listByKeyLoader(InitiativeMilestoneEntity, 'initiativeId', { order: { happenedOn: 'ASC', id: 'ASC' } });
