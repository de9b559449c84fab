import { daysBetween } from '@rz/schema';
import { enqueueNotifications, markBackground } from '@rz/subgraph-runtime';
import type { DataSource } from 'typeorm';
import { addWorkingDays, isWorkingDay, kzDay } from '../../shared/kz-time';
import { RESPONSIBLE_OFFICERS_SQL } from '../complaint/complaint-assigned.notification';
import { OPEN_COMPLAINT_STATUSES } from '../complaint/complaint.lifecycle';

/** Any constant works: it only has to be the same for every replica. */
const REMINDER_LOCK = 7_340_002;

export type ReminderRun =
  | { outcome: 'sent'; day: string; dueTomorrow: number; overdue: number }
  /** Not a working day in Kazakhstan: officers are reminded on working days only. */
  | { outcome: 'day-off'; day: string }
  /** Another replica is sending right now. */
  | { outcome: 'busy'; day: string }
  /** This day's reminders were sent already. */
  | { outcome: 'done'; day: string };

interface DueRow {
  id: string;
  topic: string;
  territory_code: string;
  due_on: string;
  subject: string;
}

/**
 * Sends the reminders of the Kazakhstan day of `now`, once: `COMPLAINT_DUE_TOMORROW` for open complaints
 * due by the next working day, `COMPLAINT_OVERDUE` for open ones past their due day, to each officer
 * responsible. All in one transaction under an advisory lock with the day's run row, so one replica
 * sends and a crash sends nothing; the dedupe key (complaint, officer, day) keeps any repeat a no-op.
 */
export async function sendComplaintReminders(db: DataSource, now: Date): Promise<ReminderRun> {
  const day = kzDay(now);
  if (!isWorkingDay(day)) return { outcome: 'day-off', day };
  const tomorrow = addWorkingDays(day, 1);
  const runner = markBackground(db.createQueryRunner());
  try {
    return await runner.manager.transaction<ReminderRun>(async (manager) => {
      const [{ locked }]: { locked: boolean }[] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [REMINDER_LOCK]);
      if (!locked) return { outcome: 'busy', day };
      const [done] = await manager.query('SELECT 1 FROM complaint_reminder_run WHERE day = $1', [day]);
      if (done) return { outcome: 'done', day };
      const rows: DueRow[] = await manager.query(
        `SELECT c.id, c.topic, c.territory_code, c.due_on::text AS due_on, r.subject
           FROM complaint c CROSS JOIN LATERAL (${RESPONSIBLE_OFFICERS_SQL}) r
          WHERE c.status = ANY($1) AND (c.due_on < $2 OR (c.due_on > $2 AND c.due_on <= $3))
          ORDER BY c.id, r.subject`,
        [OPEN_COMPLAINT_STATUSES, day, tomorrow],
      );
      const overdue = rows.filter((row) => row.due_on < day).length;
      await enqueueNotifications(
        manager,
        rows.map((row) => {
          const late = row.due_on < day;
          return {
            dedupeKey: `${late ? 'complaint-overdue' : 'complaint-due'}:${row.id}:${row.subject}:${day}`,
            recipientSubject: row.subject,
            kind: late ? 'COMPLAINT_OVERDUE' : 'COMPLAINT_DUE_TOMORROW',
            about: { type: 'Complaint', id: row.id },
            params: { complaintId: row.id, topic: row.topic, territoryCode: row.territory_code, dueOn: row.due_on, ...(late ? { daysOverdue: daysBetween(row.due_on, day) } : {}) },
            language: null,
            occurredAt: now,
          };
        }),
      );
      await manager.query('INSERT INTO complaint_reminder_run (day, ran_at, sent) VALUES ($1, $2, $3)', [day, now, rows.length]);
      return { outcome: 'sent', day, dueTomorrow: rows.length - overdue, overdue };
    });
  } finally {
    await runner.release();
  }
}
