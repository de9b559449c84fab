import { kato, PageArgs, Territory, type TerritoryNode, WorkListOrder } from '@rz/schema';
import { Role } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MediaItemEntity } from '../media-item/media-item.entity';
import { MediaItemService } from '../media-item/media-item.service';
import { MediaPlanItem } from '../media-item/media-item.type';
import type { MediaPlanEntity } from './media-plan.entity';
import { MediaPlanPeriodKind } from './media-plan.enums';
import { CreateMediaPlanInput, MediaPlanFilter } from './media-plan.input';
import { MediaPlanService } from './media-plan.service';
import { MediaPlan, MediaPlanConnection } from './media-plan.type';
import type { AqparatTolqynyContext } from '../context';

@Resolver(() => MediaPlan)
export class MediaPlanResolver {
  @Query(() => MediaPlan, {
    nullable: true,
    description: 'An approved plan; a plan still in DRAFT, SUBMITTED or RETURNED only for its officers, its project office, the ministry and admins',
  })
  mediaPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: AqparatTolqynyContext): Promise<MediaPlanEntity | null> {
    return new MediaPlanService(ctx).visibleById(id);
  }

  @Query(() => MediaPlanConnection, {
    description:
      'Media plans, newest first or earliest submission deadline first (orderBy), filtered by territory (with its subtree), year, quarter, period kind, ' +
      'status or a set of statuses, a deadline range, or awaiting the viewer. Plans not yet approved are listed only for those who see them in mediaPlan.',
  })
  mediaPlans(
    @Arg('filter', () => MediaPlanFilter, { nullable: true }) filter: MediaPlanFilter | null | undefined,
    @Args() page: PageArgs,
    @Arg('orderBy', () => WorkListOrder, { defaultValue: WorkListOrder.NEWEST }) orderBy: WorkListOrder,
    @Ctx() ctx: AqparatTolqynyContext,
  ) {
    return new MediaPlanService(ctx).list(filter, page, orderBy ?? WorkListOrder.NEWEST);
  }

  @Authorized(Role.AKIMAT_OFFICER)
  @Mutation(() => MediaPlan, { description: 'A DRAFT plan for a region, district or city in the officer\'s scope; one per territory and period' })
  createMediaPlan(@Arg('input', () => CreateMediaPlanInput) input: CreateMediaPlanInput, @Ctx() ctx: AqparatTolqynyContext) {
    return new MediaPlanService(ctx).create(input);
  }

  @Authorized(Role.AKIMAT_OFFICER)
  @Mutation(() => MediaPlan, { description: 'DRAFT or RETURNED -> SUBMITTED to the regional project office; needs at least one item' })
  submitMediaPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: AqparatTolqynyContext) {
    return new MediaPlanService(ctx).submit(id);
  }

  @Authorized(Role.PROJECT_OFFICE)
  @Mutation(() => MediaPlan, { description: 'The region\'s project office: SUBMITTED -> APPROVED, or -> RETURNED with remarks' })
  reviewMediaPlan(
    @Arg('id', () => ID) id: string,
    @Arg('approve', () => Boolean) approve: boolean,
    @Arg('remarks', () => String, { nullable: true, description: 'Required when returning' }) remarks: string | null | undefined,
    @Ctx() ctx: AqparatTolqynyContext,
  ) {
    return new MediaPlanService(ctx).review(id, approve, remarks);
  }

  @FieldResolver(() => Territory)
  territory(@Root() plan: MediaPlanEntity): TerritoryNode {
    return kato().require(plan.territoryCode);
  }

  @FieldResolver(() => MediaPlanPeriodKind)
  periodKind(@Root() plan: MediaPlanEntity): MediaPlanPeriodKind {
    return plan.quarter === null ? MediaPlanPeriodKind.YEAR : MediaPlanPeriodKind.QUARTER;
  }

  @FieldResolver(() => Boolean, { description: 'Still DRAFT or RETURNED after the submission deadline (Kazakhstan time)' })
  isLate(@Root() plan: MediaPlanEntity, @Ctx() ctx: AqparatTolqynyContext): boolean {
    return new MediaPlanService(ctx).isLate(plan);
  }

  @FieldResolver(() => [MediaPlanItem], { description: 'By planned date' })
  items(@Root() plan: MediaPlanEntity, @Ctx() ctx: AqparatTolqynyContext): Promise<MediaItemEntity[]> {
    return new MediaItemService(ctx).forPlan(plan.id);
  }
}
