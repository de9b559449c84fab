import { byIdLoader, listByKeyLoader } from '@rz/subgraph-runtime';
import { LocalHistoryClubMembersEntity } from './club-members.entity';
import { LocalHistoryClubEntity } from './club.entity';

export const clubByIdLoader = byIdLoader(LocalHistoryClubEntity);

/** Every recorded year of each club, latest first: one query per page of clubs. */
export const membersByClubLoader = listByKeyLoader(LocalHistoryClubMembersEntity, 'clubId', { order: { schoolYear: 'DESC' } });
