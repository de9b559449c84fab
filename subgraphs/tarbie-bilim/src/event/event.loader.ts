import { byIdLoader, listByKeyLoader, type SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';

import { EventMonumentEntity } from './event-monument.entity';
import { EventEntity } from './event.entity';
import { EventStatus } from './event.enums';

/** Events by id, one query per request tick; missing or malformed ids resolve to null. */
export const eventByIdLoader = byIdLoader(EventEntity);

/** The monuments each event visits, in visiting order: one query for a whole page of events. */
export const eventMonumentsLoader = listByKeyLoader(EventMonumentEntity, 'eventId', { order: { position: 'ASC' } });

/** At most this many upcoming events per monument are read. */
export const MAX_MONUMENT_EVENTS = 100;

/**
 * Upcoming events visiting each monument (not ended, not completed or cancelled),
 * soonest first: one query for a whole batch of monuments.
 */
export function upcomingEventsByMonumentLoader({ db }: SubgraphContext): DataLoader<string, EventEntity[]> {
  return new DataLoader(async (monumentIds) => {
    const wellFormed = monumentIds.filter((id) => isUUID(id, 'all')).map((id) => id.toLowerCase());
    const byMonument = new Map<string, EventEntity[]>(wellFormed.map((id) => [id, []]));
    if (wellFormed.length) {
      const visits: { event_id: string; monument_id: string }[] = await db.query(
        `SELECT event_id, monument_id FROM (
           SELECT em.event_id, em.monument_id,
                  row_number() OVER (PARTITION BY em.monument_id ORDER BY e.starts_at, e.id) AS n
             FROM event_monument em JOIN event e ON e.id = em.event_id
            WHERE em.monument_id = ANY($1::uuid[]) AND e.ends_at >= now() AND e.status = ANY($2)
         ) ranked WHERE n <= $3 ORDER BY monument_id, n`,
        [wellFormed, [EventStatus.PLANNED, EventStatus.REGISTRATION_OPEN, EventStatus.ONGOING], MAX_MONUMENT_EVENTS],
      );
      const ids = [...new Set(visits.map((v) => v.event_id))];
      const events = ids.length ? await db.getRepository(EventEntity).createQueryBuilder('e').where('e.id = ANY(:ids)', { ids }).getMany() : [];
      const eventsById = new Map(events.map((e) => [e.id, e]));
      for (const v of visits) byMonument.get(v.monument_id)!.push(eventsById.get(v.event_id)!);
    }
    return monumentIds.map((id) => byMonument.get(id.toLowerCase()) ?? []);
  });
}
