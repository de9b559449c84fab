import { PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalHistoryClubFilter } from '../club/club.input';
import { ClubService } from '../club/club.service';
import { LocalHistoryClubConnection } from '../club/club.type';

@Resolver(() => Territory)
export class TerritoryClubsResolver {
  @FieldResolver(() => LocalHistoryClubConnection, { description: 'Local history clubs in this territory and below it' })
  clubs(
    @Root() territory: TerritoryNode,
    @Arg('filter', () => LocalHistoryClubFilter, { nullable: true }) filter: LocalHistoryClubFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new ClubService(ctx).list({ ...filter, territory: territory.code }, page);
  }
}
