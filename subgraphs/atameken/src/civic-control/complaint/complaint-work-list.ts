import type { ConnectionShape } from '@rz/schema';
import { paginateBy, requireViewer, type PageRequest, type Viewer } from '@rz/subgraph-runtime';
import type { SelectQueryBuilder } from 'typeorm';
import { addDays, kzDayStart } from '../../shared/kz-time';
import type { ComplaintEntity } from './complaint.entity';
import type { ComplaintFilter } from './complaint.input';
import { OPEN_COMPLAINT_STATUSES } from './complaint.lifecycle';

/** An officer's work-list filters: a set of statuses, the days filed (Kazakhstan time), complaints assigned to the viewer. */
export function applyComplaintWorkFilters(query: SelectQueryBuilder<ComplaintEntity>, filter: ComplaintFilter, viewer: Viewer | null): void {
  if (filter.statuses) query.andWhere('c.status = ANY(:statuses)', { statuses: filter.statuses });
  if (filter.filedFrom) query.andWhere('c.createdAt >= :filedFrom', { filedFrom: kzDayStart(filter.filedFrom) });
  if (filter.filedTo) query.andWhere('c.createdAt < :filedBefore', { filedBefore: kzDayStart(addDays(filter.filedTo, 1)) });
  if (filter.assignedToMe) query.andWhere('c.assignedOfficerSubject = :assignee', { assignee: requireViewer(viewer).subject });
}

/** Open complaints by due day, earliest (so overdue) first, then closed ones; ties newest first. */
export function complaintsDueFirst(query: SelectQueryBuilder<ComplaintEntity>, page: PageRequest): Promise<ConnectionShape<ComplaintEntity>> {
  return paginateBy(query, page, {
    sql: `CASE WHEN c.status = ANY(:openStatuses) THEN c.due_on ELSE 'infinity'::date END`,
    direction: 'ASC',
    params: { openStatuses: OPEN_COMPLAINT_STATUSES },
  });
}
