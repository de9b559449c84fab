import type { NotificationIntakeBatch } from '@rz/contract';
import { newId } from '@rz/subgraph-runtime';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { enqueueMailFor } from '../email/mail-queue';
import { NotificationEntity } from '../inbox/notification.entity';
import { NOTIFICATION_ADDED_CHANNEL } from '../live/notification.stream';

/** Any constant works: it only has to be the same for every writer of notifications. */
const INTAKE_WRITE_LOCK = 7_340_106;

/**
 * Called in the intake's transaction with the rows it has just inserted (never the duplicates),
 * before it commits: the e-mail side queues the deliveries the recipients' preferences ask for,
 * so a notification and its mails commit together.
 */
export async function afterNotificationsInserted(manager: EntityManager, rows: NotificationEntity[]): Promise<void> {
  await enqueueMailFor(manager, rows);
}

/**
 * Stores a relay's batch in one transaction: each (source, dedupe key) once, however often the
 * relay sends it, then announces the new rows to the live feed at commit. Writers are serialised so
 * `seq` values commit in increasing order: a reader that has seen N never later finds a smaller one.
 */
export async function acceptNotifications(db: DataSource, batch: NotificationIntakeBatch): Promise<NotificationEntity[]> {
  return db.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [INTAKE_WRITE_LOCK]);
    const events = batch.events.map((e, ord) => ({
      ord,
      id: newId(),
      dedupe_key: e.dedupeKey,
      recipient_subject: e.recipientSubject,
      kind: e.kind,
      about_type: e.about.type,
      about_id: e.about.id,
      params: e.params,
      language: e.language,
      occurred_at: e.occurredAt,
    }));
    // A batch may repeat a key (a resend merged with new rows): the first one counts.
    const ids: { id: string }[] = await manager.query(
      `INSERT INTO notification (id, source, dedupe_key, recipient_subject, kind, about_type, about_id, params, language, occurred_at)
       SELECT e.id, $1, e.dedupe_key, e.recipient_subject, e.kind, e.about_type, e.about_id, e.params, e.language, e.occurred_at
       FROM jsonb_to_recordset($2::jsonb) AS e(ord int, id uuid, dedupe_key text, recipient_subject text, kind text, about_type text,
         about_id text, params jsonb, language text, occurred_at timestamptz)
       ORDER BY e.ord
       ON CONFLICT (source, dedupe_key) DO NOTHING
       RETURNING id`,
      [batch.source, JSON.stringify(events)],
    );
    if (!ids.length) return [];
    const inserted = ids.map(({ id }) => id);
    const rows = await manager.getRepository(NotificationEntity).find({ where: { id: In(inserted) }, order: { seq: 'ASC' } });
    await afterNotificationsInserted(manager, rows);
    // NOTIFY is transactional: live subscribers hear of the rows exactly when they commit (one notice per recipient, in one statement).
    await manager.query(`SELECT pg_notify($1, max(seq)::text) FROM notification WHERE id = ANY($2::uuid[]) GROUP BY recipient_subject`, [
      NOTIFICATION_ADDED_CHANNEL,
      inserted,
    ]);
    return rows;
  });
}
