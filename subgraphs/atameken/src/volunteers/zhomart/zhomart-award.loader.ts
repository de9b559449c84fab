import { listByKeyLoader } from '@rz/subgraph-runtime';
import { ZhomartAwardEntity } from './zhomart-award.entity';

/** Awards per volunteer, newest period first: one query for a whole page. */
export const awardsByVolunteerLoader = listByKeyLoader(ZhomartAwardEntity, 'volunteerId', { order: { periodStart: 'DESC', id: 'DESC' } });
