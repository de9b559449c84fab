import { PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { MediaPlanFilter } from '../media-plan/media-plan.input';
import { MediaPlanService } from '../media-plan/media-plan.service';
import { MediaPlanConnection } from '../media-plan/media-plan.type';

@Resolver(() => Territory)
export class TerritoryMediaPlansResolver {
  @FieldResolver(() => MediaPlanConnection, { description: 'Media plans of this territory and of the units below it' })
  mediaPlans(
    @Root() territory: TerritoryNode,
    @Arg('filter', () => MediaPlanFilter, { nullable: true }) filter: MediaPlanFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new MediaPlanService(ctx).list({ ...filter, territory: territory.code }, page);
  }
}
