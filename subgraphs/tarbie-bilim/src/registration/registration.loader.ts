import { byIdLoader, type SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { EventRegistrationEntity } from './registration.entity';

export const registrationByIdLoader = byIdLoader(EventRegistrationEntity);

/**
 * The viewer's registration per event: the live one, else the latest cancelled one.
 * Keyed by event id; only built for a signed-in viewer.
 */
export function myRegistrationByEventLoader({ db, viewer }: SubgraphContext): DataLoader<string, EventRegistrationEntity | null> {
  return new DataLoader(async (eventIds) => {
    if (!viewer) return eventIds.map(() => null);
    const rows: EventRegistrationEntity[] = await db
      .getRepository(EventRegistrationEntity)
      .createQueryBuilder('r')
      .distinctOn(['r.eventId'])
      .where('r.participantSubject = :subject', { subject: viewer.subject })
      .andWhere('r.eventId = ANY(:eventIds)', { eventIds: [...eventIds] })
      .orderBy('r.eventId')
      .addOrderBy(`(r.status <> 'CANCELLED')`, 'DESC')
      .addOrderBy('r.registeredAt', 'DESC')
      .getMany();
    const byEvent = new Map(rows.map((r) => [r.eventId, r]));
    return eventIds.map((id) => byEvent.get(id) ?? null);
  });
}

/** 1-based place in the waiting list of each WAITING registration (null otherwise), one query per batch. */
export function waitingPositionLoader({ db }: SubgraphContext): DataLoader<string, number | null> {
  return new DataLoader(async (ids) => {
    const rows: { id: string; position: string }[] = await db.query(
      `SELECT r.id,
              (SELECT count(*) FROM event_registration w
                WHERE w.event_id = r.event_id AND w.status = 'WAITING'
                  AND (w.registered_at, w.id) <= (r.registered_at, r.id)) AS position
         FROM event_registration r
        WHERE r.id = ANY($1) AND r.status = 'WAITING'`,
      [[...ids]],
    );
    const byId = new Map(rows.map((r) => [r.id, Number(r.position)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
