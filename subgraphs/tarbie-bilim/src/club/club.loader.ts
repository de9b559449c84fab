import { byIdLoader, type SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LocalHistoryClubMembersEntity } from './club-members.entity';
import { LocalHistoryClubEntity } from './club.entity';

export const clubByIdLoader = byIdLoader(LocalHistoryClubEntity);

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
