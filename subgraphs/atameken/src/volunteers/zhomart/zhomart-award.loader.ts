import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { ZhomartAwardEntity } from './zhomart-award.entity';

/** Awards per volunteer, newest period first: one query for a whole page. */
export function awardsByVolunteerLoader({ db }: SubgraphContext): DataLoader<string, ZhomartAwardEntity[]> {
  return new DataLoader(async (volunteerIds) => {
    const rows = await db.getRepository(ZhomartAwardEntity).find({
      where: { volunteerId: In([...volunteerIds]) },
      order: { periodStart: 'DESC', id: 'DESC' },
    });
    const byVolunteer = new Map<string, ZhomartAwardEntity[]>();
    for (const row of rows) byVolunteer.set(row.volunteerId!, [...(byVolunteer.get(row.volunteerId!) ?? []), row]);
    return volunteerIds.map((id) => byVolunteer.get(id) ?? []);
  });
}
