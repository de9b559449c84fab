import { PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { MonumentFilter } from '../monument/monument.input';
import { MonumentService } from '../monument/monument.service';
import { MonumentConnection } from '../monument/monument.type';

@Resolver(() => Territory)
export class TerritoryMonumentsResolver {
  @FieldResolver(() => MonumentConnection, { description: 'Monuments in this territory and below it' })
  monuments(
    @Root() territory: TerritoryNode,
    @Arg('filter', () => MonumentFilter, { nullable: true }) filter: MonumentFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new MonumentService(ctx).list({ ...filter, territory: territory.code }, page);
  }
}
