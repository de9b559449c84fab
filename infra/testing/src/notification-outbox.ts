import type { NotificationEvent, NotificationKind } from '@rz/contract';

/**
 * The notifications a producing subgraph has written to its outbox (delivered or not), oldest first:
 * what a change promised to tell, read from the table itself.
 */
export async function outboxNotifications(
  subgraph: { db: { query(sql: string, parameters: unknown[]): Promise<unknown> } },
  filter: { kind?: NotificationKind; aboutId?: string; recipient?: string } = {},
): Promise<NotificationEvent[]> {
  const rows = (await subgraph.db.query(
    `SELECT event FROM notification_outbox
      WHERE ($1::text IS NULL OR event->>'kind' = $1)
        AND ($2::text IS NULL OR event->'about'->>'id' = $2)
        AND ($3::text IS NULL OR event->>'recipientSubject' = $3)
      ORDER BY id`,
    [filter.kind ?? null, filter.aboutId ?? null, filter.recipient ?? null],
  )) as { event: NotificationEvent }[];
  return rows.map((row) => row.event);
}
