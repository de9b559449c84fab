import { PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalHistoryMaterialFilter } from '../material/material.input';
import { MaterialService } from '../material/material.service';
import { LocalHistoryMaterialConnection } from '../material/material.type';

@Resolver(() => Territory)
export class TerritoryLocalHistoryResolver {
  @FieldResolver(() => LocalHistoryMaterialConnection, { description: 'Local history materials about this territory and the units below it' })
  localHistory(
    @Root() territory: TerritoryNode,
    @Arg('filter', () => LocalHistoryMaterialFilter, { nullable: true }) filter: LocalHistoryMaterialFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new MaterialService(ctx).list({ ...filter, territory: territory.code }, page);
  }
}
