import { enqueueNotifications } from '@rz/subgraph-runtime';
import type { EntityManager } from 'typeorm';
import { EventEntity } from '../event/event.entity';

/**
 * Confirms waiting registrations, first registered first, until the event is full.
 * Call with the event row locked (SELECT ... FOR UPDATE) inside the caller's transaction;
 * updates the counters in the database and on `event`, and tells each promoted participant in the
 * same transaction. Returns the promoted ids in order.
 */
export async function fillFreePlaces(manager: EntityManager, event: EventEntity, now: Date): Promise<string[]> {
  const free = event.capacity === null ? event.waitingCount : Math.min(event.waitingCount, event.capacity - event.confirmedCount);
  if (free <= 0) return [];
  // UPDATE ... RETURNING comes back from TypeORM as [rows, rowCount].
  const [rows] = (await manager.query(
    `WITH next AS (
       SELECT id, registered_at FROM event_registration
        WHERE event_id = $1 AND status = 'WAITING'
        ORDER BY registered_at, id
        LIMIT $2
        FOR UPDATE)
     UPDATE event_registration r SET status = 'CONFIRMED', confirmed_at = $3
       FROM next WHERE r.id = next.id
     RETURNING r.id, r.participant_subject, next.registered_at`,
    [event.id, free, now],
  )) as [{ id: string; participant_subject: string; registered_at: Date }[], number];
  if (!rows.length) return [];
  await manager.increment(EventEntity, { id: event.id }, 'confirmedCount', rows.length);
  await manager.decrement(EventEntity, { id: event.id }, 'waitingCount', rows.length);
  event.confirmedCount += rows.length;
  event.waitingCount -= rows.length;
  rows.sort((a, b) => a.registered_at.getTime() - b.registered_at.getTime() || a.id.localeCompare(b.id));
  await enqueueNotifications(
    manager,
    rows.map((row) => ({
      // A registration leaves the waiting list once: its id is the key.
      dedupeKey: `registration-confirmed:${row.id}`,
      recipientSubject: row.participant_subject,
      kind: 'REGISTRATION_CONFIRMED',
      about: { type: 'Event', id: event.id },
      params: { eventId: event.id, registrationId: row.id, startsAt: event.startsAt.toISOString(), territoryCode: event.territoryCode },
      // Someone else's change freed the place: the participant's own language is not known here.
      language: null,
      occurredAt: now,
    })),
  );
  return rows.map((r) => r.id);
}
