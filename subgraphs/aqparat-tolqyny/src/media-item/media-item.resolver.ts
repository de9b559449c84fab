import { Role } from '@rz/subgraph-runtime';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { MediaPlanEntity } from '../media-plan/media-plan.entity';
import { MediaPlanService } from '../media-plan/media-plan.service';
import { MediaPlan } from '../media-plan/media-plan.type';
import type { MediaItemEntity } from './media-item.entity';
import { AddMediaPlanItemInput, PublishMediaItemInput } from './media-item.input';
import { MediaItemService } from './media-item.service';
import { MediaPlanItem } from './media-item.type';
import { MediaSubject, type MediaSubjectValue } from './media-subject.type';
import type { AqparatTolqynyContext } from '../context';

@Resolver(() => MediaPlanItem)
export class MediaItemResolver {
  @Authorized(Role.AKIMAT_OFFICER)
  @Mutation(() => MediaPlanItem, { description: 'Adds an item to a DRAFT or RETURNED plan of the officer\'s territory' })
  addMediaPlanItem(
    @Arg('planId', () => ID) planId: string,
    @Arg('input', () => AddMediaPlanItemInput) input: AddMediaPlanItemInput,
    @Ctx() ctx: AqparatTolqynyContext,
  ): Promise<MediaItemEntity> {
    return new MediaItemService(ctx).add(planId, input);
  }

  @Authorized(Role.AKIMAT_OFFICER)
  @Mutation(() => MediaPlanItem, {
    description: 'Replaces the fields and subjects of an item of a DRAFT or RETURNED plan of the officer\'s territory',
  })
  updateMediaPlanItem(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AddMediaPlanItemInput) input: AddMediaPlanItemInput,
    @Ctx() ctx: AqparatTolqynyContext,
  ): Promise<MediaItemEntity> {
    return new MediaItemService(ctx).update(id, input);
  }

  @Authorized(Role.AKIMAT_OFFICER)
  @Mutation(() => MediaPlan, { description: 'Removes an item from a DRAFT or RETURNED plan of the officer\'s territory; returns the plan' })
  removeMediaPlanItem(@Arg('id', () => ID) id: string, @Ctx() ctx: AqparatTolqynyContext): Promise<MediaPlanEntity> {
    return new MediaItemService(ctx).remove(id);
  }

  @Authorized(Role.AKIMAT_OFFICER, Role.PROJECT_OFFICE)
  @Mutation(() => MediaPlanItem, {
    description:
      'PLANNED -> PUBLISHED on an APPROVED plan, by an akimat officer of the plan\'s territory or the project office of its region. SELECTED faces it covers become FEATURED in the same step.',
  })
  publishMediaItem(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => PublishMediaItemInput) input: PublishMediaItemInput,
    @Ctx() ctx: AqparatTolqynyContext,
  ): Promise<MediaItemEntity> {
    return new MediaItemService(ctx).publish(id, input);
  }

  @Authorized(Role.AKIMAT_OFFICER, Role.PROJECT_OFFICE)
  @Mutation(() => MediaPlanItem, { description: 'PLANNED -> CANCELLED on an APPROVED plan; same people as publishing' })
  cancelMediaItem(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null | undefined,
    @Ctx() ctx: AqparatTolqynyContext,
  ): Promise<MediaItemEntity> {
    return new MediaItemService(ctx).cancel(id, reason);
  }

  @FieldResolver(() => MediaPlan)
  async plan(@Root() item: MediaItemEntity, @Ctx() ctx: AqparatTolqynyContext): Promise<MediaPlanEntity> {
    // plan_id is a foreign key: the plan exists.
    return (await new MediaPlanService(ctx).byId(item.planId))!;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Published on or before the planned date; null until PUBLISHED' })
  publishedOnTime(@Root() item: MediaItemEntity, @Ctx() ctx: AqparatTolqynyContext): boolean | null {
    return new MediaItemService(ctx).publishedOnTime(item);
  }

  @FieldResolver(() => [MediaSubject], {
    nullable: 'items',
    description:
      'Initiatives, monuments, events and faces the item covers, in the planner\'s order. Null where the subgraph owning a subject cannot resolve it (down, or the record is gone); errors then hold the path',
  })
  subjects(@Root() item: MediaItemEntity, @Ctx() ctx: AqparatTolqynyContext): Promise<MediaSubjectValue[]> {
    return new MediaItemService(ctx).subjects(item.id);
  }
}
