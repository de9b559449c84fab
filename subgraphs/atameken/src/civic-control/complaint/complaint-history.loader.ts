import { listByKeyLoader } from '@rz/subgraph-runtime';
import { ComplaintStatusChangeEntity } from './complaint-status-change.entity';

/** Status history of complaints by complaint id, oldest first: one query for a whole page. */
export const complaintHistoryLoader = listByKeyLoader(ComplaintStatusChangeEntity, 'complaintId', { order: { at: 'ASC', id: 'ASC' } });
