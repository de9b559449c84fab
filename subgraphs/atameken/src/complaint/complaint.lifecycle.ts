import { ComplaintIndicator, ComplaintStatus } from './complaint.enums';

const { SUBMITTED, ACCEPTED, IN_PROGRESS, RESOLVED, RESOLVED_BY_CITIZENS, REJECTED, DUPLICATE } = ComplaintStatus;

/** Allowed status changes; everything else is an INVALID_TRANSITION. */
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

export function canMoveComplaint(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return COMPLAINT_TRANSITIONS[from].includes(to);
}

export function isOpenComplaint(status: ComplaintStatus): boolean {
  return OPEN_COMPLAINT_STATUSES.includes(status);
}

export function complaintIndicator(status: ComplaintStatus): ComplaintIndicator {
  if (isOpenComplaint(status)) return ComplaintIndicator.RED;
  return status === RESOLVED || status === RESOLVED_BY_CITIZENS ? ComplaintIndicator.GREEN : ComplaintIndicator.GREY;
}
