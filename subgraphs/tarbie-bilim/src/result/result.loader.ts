import { listByKeyLoader, type SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { EventResultEntity } from './result.entity';

/** Results of each event, best placing first, awards without a placing last. */
export const resultsByEventLoader = listByKeyLoader(EventResultEntity, 'eventId', {
  order: { placing: { direction: 'ASC', nulls: 'LAST' }, award: 'ASC', registrationId: 'ASC' },
});

export function resultByRegistrationLoader({ db }: SubgraphContext): DataLoader<string, EventResultEntity | null> {
  return new DataLoader(async (registrationIds) => {
    const rows = await db.getRepository(EventResultEntity).findBy({ registrationId: In([...registrationIds]) });
    const byId = new Map(rows.map((r) => [r.registrationId, r]));
    return registrationIds.map((id) => byId.get(id) ?? null);
  });
}
