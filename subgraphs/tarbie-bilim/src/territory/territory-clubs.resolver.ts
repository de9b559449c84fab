import { territoryConnectionResolver } from '@rz/schema';
import { territoryListBatch, type SubgraphContext } from '@rz/subgraph-runtime';
import { LocalHistoryClubFilter } from '../club/club.input';
import { ClubService } from '../club/club.service';
import { LocalHistoryClubConnection } from '../club/club.type';

export const TerritoryClubsResolver = territoryConnectionResolver({
  field: 'clubs',
  returns: () => LocalHistoryClubConnection,
  description: 'Local history clubs in this territory and below it',
  argument: LocalHistoryClubFilter,
  list: territoryListBatch((ctx: SubgraphContext, codes, filter, page) => new ClubService(ctx).listWithin(codes, filter, page)),
});
