import type { ComplaintStatus, RegionsOverviewQuery } from '@rz/client';
import type { StatusEvent } from '../live/complaint-events';

export interface RegionCounts {
  filed: number;
  open: number;
  overdue: number;
  resolved: number;
}

export type RegionColour = 'red' | 'green';

const OPEN: readonly ComplaintStatus[] = ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'];
const RESOLVED: readonly ComplaintStatus[] = ['RESOLVED', 'RESOLVED_BY_CITIZENS'];
const isOpen = (status: ComplaintStatus | null) => status !== null && OPEN.includes(status);
const isResolved = (status: ComplaintStatus | null) => status !== null && RESOLVED.includes(status);

/**
 * The colour rule, shown in the legend: a region is red while any of its complaints is open past its
 * due day (the akimat is late), green otherwise, including when complaints are open but on time.
 */
export function regionColour(counts: RegionCounts): RegionColour {
  return counts.overdue > 0 ? 'red' : 'green';
}

export function countsFromOverview(data: RegionsOverviewQuery): Map<string, RegionCounts> {
  return new Map(
    // A region without indicators (atameken unavailable) has no counts rather than zeros.
    data.regions.flatMap((r) => {
      const i = r.complaintIndicators;
      return i ? [[r.code, { filed: i.filed, open: i.open, overdue: i.overdue, resolved: i.resolvedByState + i.resolvedByCitizens }] as const] : [];
    }),
  );
}

/**
 * A region's counts after one status change, without asking the server. A complaint leaving the
 * open statuses was overdue if its due day had passed (the due day stays as it was when it closes);
 * a reopened one brings its new due day, so the event's isOverdue says.
 */
export function applyEvent(counts: RegionCounts, event: StatusEvent, today: string): RegionCounts {
  const { from, to, complaint } = event;
  const next = { ...counts };
  if (from === null) next.filed += 1;
  const wasOpen = isOpen(from);
  const nowOpen = isOpen(to);
  if (wasOpen && !nowOpen) {
    next.open -= 1;
    if (complaint.dueOn < today) next.overdue -= 1;
  } else if (!wasOpen && nowOpen) {
    next.open += 1;
    if (complaint.isOverdue) next.overdue += 1;
  }
  next.resolved += Number(isResolved(to)) - Number(isResolved(from));
  next.open = Math.max(0, next.open);
  next.overdue = Math.max(0, next.overdue);
  next.resolved = Math.max(0, next.resolved);
  return next;
}
