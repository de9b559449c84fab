import { ComplaintIndicator, ComplaintStatus } from './complaint.enums';

const { SUBMITTED, ACCEPTED, IN_PROGRESS, RESOLVED, RESOLVED_BY_CITIZENS, REJECTED, DUPLICATE } = ComplaintStatus;

/** Changes the akimat (or an admin) may make; everything else is an INVALID_TRANSITION. */
export const COMPLAINT_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  [SUBMITTED]: [ACCEPTED, REJECTED, DUPLICATE],
  [ACCEPTED]: [IN_PROGRESS, REJECTED, DUPLICATE],
  [IN_PROGRESS]: [RESOLVED, RESOLVED_BY_CITIZENS, REJECTED],
  [RESOLVED]: [],
  [RESOLVED_BY_CITIZENS]: [],
  [REJECTED]: [],
  [DUPLICATE]: [],
};

export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = [SUBMITTED, ACCEPTED, IN_PROGRESS];
export const RESOLVED_COMPLAINT_STATUSES: readonly ComplaintStatus[] = [RESOLVED, RESOLVED_BY_CITIZENS];

/** The author may reopen a resolved complaint within this many days of its resolution. */
export const REOPEN_WINDOW_DAYS = 30;
/** A reopened complaint goes back to the akimat, which already accepted it once. */
export const REOPENED_STATUS = IN_PROGRESS;

export function canMoveComplaint(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return COMPLAINT_TRANSITIONS[from].includes(to);
}

export function canReopenComplaint(from: ComplaintStatus): boolean {
  return RESOLVED_COMPLAINT_STATUSES.includes(from);
}

export function isOpenComplaint(status: ComplaintStatus): boolean {
  return OPEN_COMPLAINT_STATUSES.includes(status);
}

export function isResolvedComplaint(status: ComplaintStatus): boolean {
  return RESOLVED_COMPLAINT_STATUSES.includes(status);
}

export function reopenableUntil(resolvedAt: Date): Date {
  return new Date(resolvedAt.getTime() + REOPEN_WINDOW_DAYS * 86_400_000);
}

export function complaintIndicator(status: ComplaintStatus): ComplaintIndicator {
  if (isOpenComplaint(status)) return ComplaintIndicator.RED;
  return isResolvedComplaint(status) ? ComplaintIndicator.GREEN : ComplaintIndicator.GREY;
}
