import { subgraphDbSchema, type NotificationEvent, type SubgraphName } from '@rz/contract';
import type { EntityManager, QueryRunner } from 'typeorm';

/** What a producer hands over; `occurredAt` defaults to the time of the write. */
export type NotificationToSend = Omit<NotificationEvent, 'occurredAt'> & { occurredAt?: Date | string };

/**
 * NOTIFY channels are database-wide, schemas are not: each producing subgraph wakes only its own relay.
 * Derived from the schema name, which is already a safe identifier.
 */
export function notificationOutboxChannel(source: SubgraphName): string {
  return `notification_outbox_${subgraphDbSchema(source)}`;
}

/**
 * Adds a notification to this subgraph's outbox inside the caller's transaction, so it is
 * sent exactly when the change commits and never when it rolls back. A dedupe key already
 * in the outbox is ignored: the same thing happening twice is notified once.
 */
export async function enqueueNotification(manager: EntityManager, notification: NotificationToSend): Promise<void> {
  await enqueueNotifications(manager, [notification]);
}

/** Rows per INSERT when many are enqueued at once (a day's reminders). */
const ENQUEUE_CHUNK = 1000;

/** enqueueNotification for many at once, in their order: a few statements, however many there are. */
export async function enqueueNotifications(manager: EntityManager, notifications: readonly NotificationToSend[]): Promise<void> {
  if (notifications.length === 0) return;
  const now = new Date();
  for (let start = 0; start < notifications.length; start += ENQUEUE_CHUNK) {
    const events: NotificationEvent[] = notifications.slice(start, start + ENQUEUE_CHUNK).map((notification) => ({
      ...notification,
      occurredAt: new Date(notification.occurredAt ?? now).toISOString(),
    }));
    await manager.query(
      `INSERT INTO notification_outbox (dedupe_key, event)
       SELECT key, event FROM unnest($1::text[], $2::jsonb[]) WITH ORDINALITY AS e(key, event, n) ORDER BY n
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [events.map((event) => event.dedupeKey), events.map((event) => JSON.stringify(event))],
    );
  }
  // current_schema() is the subgraph's own (search_path), the same name notificationOutboxChannel derives.
  await manager.query(`SELECT pg_notify('notification_outbox_' || current_schema(), '')`);
}

/** For each producing subgraph's migration that adds the outbox (hand-written SQL, relying on search_path). */
export async function createNotificationOutbox(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE notification_outbox (
      id bigserial PRIMARY KEY,
      dedupe_key text NOT NULL UNIQUE,
      event jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz
    )`);
  // The relay reads only what is still to deliver, in commit order.
  await q.query(`CREATE INDEX notification_outbox_pending ON notification_outbox (id) WHERE delivered_at IS NULL`);
}

export async function dropNotificationOutbox(q: QueryRunner): Promise<void> {
  await q.query(`DROP TABLE notification_outbox`);
}
