import { PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { TourismRouteType } from '../tourism-route/tourism-route.enums';
import { TourismRouteService } from '../tourism-route/tourism-route.service';
import { TourismRouteConnection } from '../tourism-route/tourism-route.type';

@Resolver(() => Territory)
export class TerritoryRoutesResolver {
  @FieldResolver(() => TourismRouteConnection, { description: 'Published tourism routes with a stop in this territory or below it' })
  routes(
    @Root() territory: TerritoryNode,
    @Arg('type', () => TourismRouteType, { nullable: true }) type: TourismRouteType | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new TourismRouteService(ctx).list({ territory: territory.code, type }, page);
  }
}
