import type { NotificationKind, NotificationLanguage, NotificationParams } from '@rz/contract';
import { complaintStatusChanged } from './complaint.templates';
import type { RenderedNotification, Template } from './template';

/** A plain text for kinds whose own templates are not written yet, so every kind renders. */
const generic: Template = (_params, lang) =>
  ({
    kk: { title: 'Жаңа хабарлама', body: 'Сізге қатысты өзгеріс болды.', path: '/notifications' },
    ru: { title: 'Новое уведомление', body: 'Произошло изменение, которое вас касается.', path: '/notifications' },
    en: { title: 'New notification', body: 'Something you follow has changed.', path: '/notifications' },
  })[lang];

/** One template per kind; each source area keeps its texts in its own file. */
export const TEMPLATES: Record<NotificationKind, Template> = {
  COMPLAINT_STATUS_CHANGED: complaintStatusChanged,
  COMPLAINT_ASSIGNED: generic,
  COMPLAINT_DUE_TOMORROW: generic,
  COMPLAINT_OVERDUE: generic,
  INITIATIVE_STATUS_CHANGED: generic,
  INITIATIVE_ESTIMATE_COVERED: generic,
  REGISTRATION_CONFIRMED: generic,
  MEDIA_PLAN_RETURNED: generic,
  DISTRICT_REPORT_RETURNED: generic,
  FACE_STATUS_CHANGED: generic,
  VOLUNTEER_REVIEWED: generic,
};

export function renderNotification(kind: NotificationKind, params: NotificationParams, lang: NotificationLanguage): RenderedNotification {
  return TEMPLATES[kind](params, lang);
}
