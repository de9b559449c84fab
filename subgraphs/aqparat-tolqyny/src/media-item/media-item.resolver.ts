import { Role, type SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { MediaPlanEntity } from '../media-plan/media-plan.entity';
import { MediaPlanService } from '../media-plan/media-plan.service';
import { MediaPlan } from '../media-plan/media-plan.type';
import type { MediaItemEntity } from './media-item.entity';
import { AddMediaPlanItemInput } from './media-item.input';
import { MediaItemService } from './media-item.service';
import { MediaPlanItem } from './media-item.type';
import { MediaSubject, type MediaSubjectValue } from './media-subject.type';

@Resolver(() => MediaPlanItem)
export class MediaItemResolver {
  @Authorized(Role.AKIMAT_OFFICER)
  @Mutation(() => MediaPlanItem, { description: 'Adds an item to a DRAFT or RETURNED plan of the officer\'s territory' })
  addMediaPlanItem(
    @Arg('planId', () => ID) planId: string,
    @Arg('input', () => AddMediaPlanItemInput) input: AddMediaPlanItemInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MediaItemEntity> {
    return new MediaItemService(ctx).add(planId, input);
  }

  @FieldResolver(() => MediaPlan)
  async plan(@Root() item: MediaItemEntity, @Ctx() ctx: SubgraphContext): Promise<MediaPlanEntity> {
    // plan_id is a foreign key: the plan exists.
    return (await new MediaPlanService(ctx).byId(item.planId))!;
  }

  @FieldResolver(() => [MediaSubject], { description: 'Initiatives, monuments and events the item covers, in the planner\'s order' })
  subjects(@Root() item: MediaItemEntity, @Ctx() ctx: SubgraphContext): Promise<MediaSubjectValue[]> {
    return new MediaItemService(ctx).subjects(item.id);
  }
}
