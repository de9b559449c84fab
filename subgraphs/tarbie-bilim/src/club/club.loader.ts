import type { SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LocalHistoryClubMembersEntity } from './club-members.entity';
import { LocalHistoryClubEntity } from './club.entity';

export function clubByIdLoader({ db }: SubgraphContext): DataLoader<string, LocalHistoryClubEntity | null> {
  return new DataLoader(async (ids) => {
    const wellFormed = ids.filter((id) => isUUID(id, 'all'));
    const rows = wellFormed.length ? await db.getRepository(LocalHistoryClubEntity).findBy({ id: In(wellFormed) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Every recorded year of each club, latest first: one query per page of clubs. */
export function membersByClubLoader({ db }: SubgraphContext): DataLoader<string, LocalHistoryClubMembersEntity[]> {
  return new DataLoader(async (clubIds) => {
    const rows = await db.getRepository(LocalHistoryClubMembersEntity).find({
      where: { clubId: In([...clubIds]) },
      order: { clubId: 'ASC', schoolYear: 'DESC' },
    });
    const byClub = new Map<string, LocalHistoryClubMembersEntity[]>(clubIds.map((id) => [id, []]));
    for (const row of rows) byClub.get(row.clubId)!.push(row);
    return clubIds.map((id) => byClub.get(id)!);
  });
}
