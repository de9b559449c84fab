import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { EventResultEntity } from './result.entity';

/** Results of each event, best placing first, awards without a placing last. */
export function resultsByEventLoader({ db }: SubgraphContext): DataLoader<string, EventResultEntity[]> {
  return new DataLoader(async (eventIds) => {
    const rows = await db
      .getRepository(EventResultEntity)
      .createQueryBuilder('r')
      .where('r.eventId IN (:...eventIds)', { eventIds: [...eventIds] })
      .orderBy('r.placing', 'ASC', 'NULLS LAST')
      .addOrderBy('r.award', 'ASC')
      .addOrderBy('r.registrationId', 'ASC')
      .getMany();
    const byEvent = new Map<string, EventResultEntity[]>(eventIds.map((id) => [id, []]));
    for (const row of rows) byEvent.get(row.eventId)!.push(row);
    return eventIds.map((id) => byEvent.get(id)!);
  });
}

export function resultByRegistrationLoader({ db }: SubgraphContext): DataLoader<string, EventResultEntity | null> {
  return new DataLoader(async (registrationIds) => {
    const rows = await db.getRepository(EventResultEntity).findBy({ registrationId: In([...registrationIds]) });
    const byId = new Map(rows.map((r) => [r.registrationId, r]));
    return registrationIds.map((id) => byId.get(id) ?? null);
  });
}
