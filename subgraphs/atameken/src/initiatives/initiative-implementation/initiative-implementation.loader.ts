import { listByKeyLoader, type SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { VolunteerEntity } from '../../volunteers/volunteer/volunteer.entity';
import { InitiativeParticipantEntity } from './initiative-participant.entity';

/** Named participants per initiative, in recorded order. */
export const initiativeParticipantsLoader = listByKeyLoader(InitiativeParticipantEntity, 'initiativeId', { order: { position: 'ASC' } });

/** Volunteers who took part, per initiative. */
export function initiativeVolunteersLoader({ db }: SubgraphContext): DataLoader<string, VolunteerEntity[]> {
  return new DataLoader(async (initiativeIds) => {
    const links: { initiative_id: string; volunteer_id: string }[] = await db.query(
      `SELECT initiative_id, volunteer_id FROM initiative_volunteer WHERE initiative_id = ANY($1) ORDER BY volunteer_id`,
      [initiativeIds],
    );
    const volunteers = links.length
      ? await db.getRepository(VolunteerEntity).findBy({ id: In([...new Set(links.map((l) => l.volunteer_id))]) })
      : [];
    const byId = new Map(volunteers.map((v) => [v.id, v]));
    const byInitiative = new Map<string, VolunteerEntity[]>();
    for (const link of links) byInitiative.set(link.initiative_id, [...(byInitiative.get(link.initiative_id) ?? []), byId.get(link.volunteer_id)!]);
    return initiativeIds.map((id) => byInitiative.get(id) ?? []);
  });
}
