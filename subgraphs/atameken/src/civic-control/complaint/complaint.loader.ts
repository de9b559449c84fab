import { byIdLoader } from '@rz/subgraph-runtime';
import { ComplaintEntity } from './complaint.entity';

/** Complaints by id, one query per request tick; missing or malformed ids resolve to null. */
export const complaintByIdLoader = byIdLoader(ComplaintEntity);
