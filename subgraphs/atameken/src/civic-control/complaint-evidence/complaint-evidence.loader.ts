import { listByKeyLoader } from '@rz/subgraph-runtime';
import { ComplaintEvidenceEntity } from './complaint-evidence.entity';

/** Evidence of complaints by complaint id, in attachment order: one query for a whole page. */
export const complaintEvidenceLoader = listByKeyLoader(ComplaintEvidenceEntity, 'complaintId', { order: { position: 'ASC' } });
