import type { EntityManager } from 'typeorm';
import { EventEntity } from '../event/event.entity';

/**
 * Confirms waiting registrations, first registered first, until the event is full.
 * Call with the event row locked (SELECT ... FOR UPDATE) inside the caller's transaction;
 * updates the counters in the database and on `event`. Returns the promoted ids in order.
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
     RETURNING r.id, next.registered_at`,
    [event.id, free, now],
  )) as [{ id: string; registered_at: Date }[], number];
  if (!rows.length) return [];
  await manager.increment(EventEntity, { id: event.id }, 'confirmedCount', rows.length);
  await manager.decrement(EventEntity, { id: event.id }, 'waitingCount', rows.length);
  event.confirmedCount += rows.length;
  event.waitingCount -= rows.length;
  return rows.sort((a, b) => a.registered_at.getTime() - b.registered_at.getTime() || a.id.localeCompare(b.id)).map((r) => r.id);
}
