import { NOTIFICATION_KINDS, type NotificationLanguage } from '@rz/contract';
import type { DataSource } from 'typeorm';
import type { UnsubscribeScope } from './unsubscribe-token';

/**
 * Switches e-mail off for one kind (or every kind) and cancels the mails of it still queued,
 * so nothing of it is sent after the click. Idempotent: a second click changes nothing.
 */
export async function unsubscribe(db: DataSource, subject: string, scope: UnsubscribeScope): Promise<void> {
  const kinds = scope === 'ALL' ? [...NOTIFICATION_KINDS] : [scope];
  await db.transaction(async (manager) => {
    await manager.query(`INSERT INTO notification_profile (subject) VALUES ($1) ON CONFLICT (subject) DO NOTHING`, [subject]);
    await manager.query(
      `INSERT INTO notification_preference (subject, kind, channel, enabled)
       SELECT $1, kind, 'EMAIL', false FROM unnest($2::text[]) AS kind
       ON CONFLICT (subject, kind, channel) DO UPDATE SET enabled = false`,
      [subject, kinds],
    );
    // The digest goes too when every kind is off.
    if (scope === 'ALL') await manager.query(`UPDATE notification_profile SET mail_mode = 'EACH', updated_at = now() WHERE subject = $1`, [subject]);
    await manager.query(
      `UPDATE mail_delivery SET status = 'CANCELLED', updated_at = now()
       WHERE recipient_subject = $1 AND status = 'PENDING' AND (kind = ANY($2) OR $3)`,
      [subject, kinds, scope === 'ALL'],
    );
  });
}

/** The language the person chose, if any. */
export async function profileLanguage(db: DataSource, subject: string): Promise<NotificationLanguage | null> {
  const [row]: { language: NotificationLanguage | null }[] = await db.query(`SELECT language FROM notification_profile WHERE subject = $1`, [subject]);
  return row?.language ?? null;
}
