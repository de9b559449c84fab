import type { NotificationKind, NotificationLanguage, NotificationParams } from '@rz/contract';
import { complaintAssigned, complaintDueTomorrow, complaintOverdue } from './complaint-officer.templates';
import { complaintStatusChanged } from './complaint.templates';
import { districtReportReturned } from './district-report.templates';
import { initiativeEstimateCovered, initiativeStatusChanged } from './initiative.templates';
import { faceStatusChanged, mediaPlanReturned } from './media.templates';
import { registrationConfirmed } from './registration.templates';
import type { RenderedNotification, Template } from './template';
import { volunteerReviewed } from './volunteer.templates';

/** One template per kind; each source area keeps its texts in its own file. */
export const TEMPLATES: Record<NotificationKind, Template> = {
  COMPLAINT_STATUS_CHANGED: complaintStatusChanged,
  COMPLAINT_ASSIGNED: complaintAssigned,
  COMPLAINT_DUE_TOMORROW: complaintDueTomorrow,
  COMPLAINT_OVERDUE: complaintOverdue,
  INITIATIVE_STATUS_CHANGED: initiativeStatusChanged,
  INITIATIVE_ESTIMATE_COVERED: initiativeEstimateCovered,
  REGISTRATION_CONFIRMED: registrationConfirmed,
  MEDIA_PLAN_RETURNED: mediaPlanReturned,
  DISTRICT_REPORT_RETURNED: districtReportReturned,
  FACE_STATUS_CHANGED: faceStatusChanged,
  VOLUNTEER_REVIEWED: volunteerReviewed,
};

export function renderNotification(kind: NotificationKind, params: NotificationParams, lang: NotificationLanguage): RenderedNotification {
  return TEMPLATES[kind](params, lang);
}
