import type { NotificationKind } from '@rz/contract';
import { KAZAKHSTAN_UTC_OFFSET } from '@rz/schema';
import { newId } from '@rz/subgraph-runtime';
import type { EntityManager } from 'typeorm';

/** NOTIFY channel that wakes the mail sender. */
export const MAIL_QUEUE_CHANNEL = 'mail_delivery';

/** Kind of a digest delivery (not a notification kind). */
export const DIGEST_KIND = 'DIGEST_DAILY';

/** Runs SQL (a DataSource, EntityManager or QueryRunner). */
interface Sql {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/**
 * Queues a mail for each notification whose person wants one: a consented address, one mail per
 * notification (not the digest), and e-mail on for the kind. Called by the intake inside its
 * transaction, so a notification and its mail commit together or not at all.
 */
export async function enqueueMailFor(manager: EntityManager | Sql, notifications: readonly { id: string; recipientSubject: string; kind: NotificationKind }[]): Promise<number> {
  if (notifications.length === 0) return 0;
  const subjects = [...new Set(notifications.map((n) => n.recipientSubject))];
  const wanting: { subject: string; off: string[] }[] = await manager.query(
    `SELECT p.subject, coalesce(array_agg(pr.kind) FILTER (WHERE pr.kind IS NOT NULL), '{}') AS off
     FROM notification_profile p
     LEFT JOIN notification_preference pr ON pr.subject = p.subject AND pr.channel = 'EMAIL' AND NOT pr.enabled
     WHERE p.subject = ANY($1) AND p.email IS NOT NULL AND p.mail_mode = 'EACH'
     GROUP BY p.subject`,
    [subjects],
  );
  const off = new Map(wanting.map((w) => [w.subject, new Set(w.off)]));
  const due = notifications.filter((n) => off.has(n.recipientSubject) && !off.get(n.recipientSubject)!.has(n.kind));
  if (due.length === 0) return 0;
  const inserted: unknown[] = await manager.query(
    `INSERT INTO mail_delivery (id, recipient_subject, kind, notification_id)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[])
     ON CONFLICT (notification_id) DO NOTHING RETURNING id`,
    [due.map(() => newId()), due.map((n) => n.recipientSubject), due.map((n) => n.kind), due.map((n) => n.id)],
  );
  await manager.query(`SELECT pg_notify($1, '')`, [MAIL_QUEUE_CHANNEL]);
  return inserted.length;
}

/** SQL: the Kazakhstan calendar day of a timestamptz. */
const kzDay = (expression: string) => `((${expression}) AT TIME ZONE INTERVAL '${KAZAKHSTAN_UTC_OFFSET}')::date`;

/**
 * Queues one digest for `day` (YYYY-MM-DD, Kazakhstan) for each person in digest mode with a
 * consented address who got notifications that day of a kind they mail. The unique (person, day)
 * makes a second run, on this replica or another, queue nothing.
 */
export async function enqueueDigests(db: Sql, day: string): Promise<number> {
  const subjects: { subject: string }[] = await db.query(
    `SELECT DISTINCT n.recipient_subject AS subject
     FROM notification n JOIN notification_profile p ON p.subject = n.recipient_subject
     WHERE p.mail_mode = 'DIGEST_DAILY' AND p.email IS NOT NULL AND ${kzDay('n.created_at')} = $1::date
       AND NOT EXISTS (SELECT 1 FROM notification_preference pr WHERE pr.subject = p.subject AND pr.kind = n.kind AND pr.channel = 'EMAIL' AND NOT pr.enabled)`,
    [day],
  );
  if (subjects.length === 0) return 0;
  const inserted: unknown[] = await db.query(
    `INSERT INTO mail_delivery (id, recipient_subject, kind, digest_day)
     SELECT id, subject, '${DIGEST_KIND}', $3::date FROM unnest($1::uuid[], $2::text[]) AS t (id, subject)
     ON CONFLICT ON CONSTRAINT mail_delivery_one_digest_a_day DO NOTHING RETURNING id`,
    [subjects.map(() => newId()), subjects.map((s) => s.subject), day],
  );
  await db.query(`SELECT pg_notify($1, '')`, [MAIL_QUEUE_CHANNEL]);
  return inserted.length;
}

/** The notifications of a digest: the person's of that day, of kinds they mail, oldest first. */
export async function digestNotifications(db: Sql, subject: string, day: string): Promise<{ kind: NotificationKind; params: Record<string, string | number | boolean | null> }[]> {
  return db.query(
    `SELECT n.kind, n.params FROM notification n
     WHERE n.recipient_subject = $1 AND ${kzDay('n.created_at')} = $2::date
       AND NOT EXISTS (SELECT 1 FROM notification_preference pr WHERE pr.subject = n.recipient_subject AND pr.kind = n.kind AND pr.channel = 'EMAIL' AND NOT pr.enabled)
     ORDER BY n.id`,
    [subject, day],
  );
}
