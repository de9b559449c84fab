import type { SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { EventMonumentEntity } from './event-monument.entity';
import { EventEntity } from './event.entity';

/** Events by id, one query per request tick; missing or malformed ids resolve to null. */
export function eventByIdLoader({ db }: SubgraphContext): DataLoader<string, EventEntity | null> {
  return new DataLoader(async (ids) => {
    // A malformed id would make PostgreSQL reject the whole batch.
    const wellFormed = ids.filter((id) => isUUID(id, 'all'));
    const rows = wellFormed.length ? await db.getRepository(EventEntity).findBy({ id: In(wellFormed) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Monument ids each event visits, in visiting order: one query for a whole page of events. */
export function monumentIdsByEventLoader({ db }: SubgraphContext): DataLoader<string, string[]> {
  return new DataLoader(async (eventIds) => {
    const rows = await db.getRepository(EventMonumentEntity).find({
      where: { eventId: In([...eventIds]) },
      order: { eventId: 'ASC', position: 'ASC' },
    });
    const byEvent = new Map<string, string[]>(eventIds.map((id) => [id, []]));
    for (const row of rows) byEvent.get(row.eventId)!.push(row.monumentId);
    return eventIds.map((id) => byEvent.get(id)!);
  });
}
