import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { LocalHistoryClubEntity } from './club.entity';
import { ClubService } from './club.service';

export const clubReferenceResolver = {
  LocalHistoryClub: {
    __resolveReference(reference: { id: string }, ctx: SubgraphContext): Promise<LocalHistoryClubEntity | null> {
      return new ClubService(ctx).byId(reference.id);
    },
  },
};
