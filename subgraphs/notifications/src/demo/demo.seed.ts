import type { NotificationEvent } from '@rz/contract';
import type { Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import type { DataSource } from 'typeorm';
import { acceptNotifications } from '../intake/notification-intake.service';

/** atameken's demo complaint of demo-citizen-1 (its complaintDemoId). */
const ACADEMY_COMPLAINT = stableId('complaint:almaty-academy-facade');

function statusChange(recipientSubject: string, complaintId: string, from: string, to: string, occurredAt: string, language: NotificationEvent['language']): NotificationEvent {
  return {
    dedupeKey: `demo:complaint-status:${recipientSubject}:${complaintId}:${to}`,
    recipientSubject,
    kind: 'COMPLAINT_STATUS_CHANGED',
    about: { type: 'Complaint', id: complaintId },
    params: { complaintId, topic: 'MONUMENT_DAMAGE', fromStatus: from, toStatus: to, territoryCode: '750000000' },
    language,
    occurredAt,
  };
}

/**
 * A few inbox entries for the demo people: demo-citizen-1 (author of atameken's demo complaint
 * about the Academy of Sciences), and the subjects `npm run token -- --role citizen` and
 * `--role akimat_officer` sign by default (dev-citizen, dev-akimat_officer). Idempotent by dedupe key.
 */
export const DEMO_NOTIFICATIONS: NotificationEvent[] = [
  statusChange('demo-citizen-1', ACADEMY_COMPLAINT, 'SUBMITTED', 'ACCEPTED', '2026-10-06T06:00:00Z', 'kk'),
  statusChange('demo-citizen-1', ACADEMY_COMPLAINT, 'ACCEPTED', 'IN_PROGRESS', '2026-10-09T10:30:00Z', 'kk'),
  statusChange('dev-citizen', ACADEMY_COMPLAINT, 'SUBMITTED', 'ACCEPTED', '2026-11-02T05:00:00Z', 'ru'),
  statusChange('dev-citizen', ACADEMY_COMPLAINT, 'ACCEPTED', 'RESOLVED', '2026-11-20T09:00:00Z', 'ru'),
  {
    dedupeKey: 'demo:complaint-assigned:dev-akimat_officer',
    recipientSubject: 'dev-akimat_officer',
    kind: 'COMPLAINT_ASSIGNED',
    about: { type: 'Complaint', id: ACADEMY_COMPLAINT },
    params: { complaintId: ACADEMY_COMPLAINT, topic: 'MONUMENT_DAMAGE', territoryCode: '750000000', dueOn: '2026-10-19' },
    language: 'ru',
    occurredAt: '2026-10-05T04:12:00Z',
  },
];

export async function seedDemo(db: DataSource, logger: Logger): Promise<void> {
  const added = await acceptNotifications(db, { source: 'atameken', events: DEMO_NOTIFICATIONS });
  logger.info({ added: added.length }, 'demo notifications');
}
