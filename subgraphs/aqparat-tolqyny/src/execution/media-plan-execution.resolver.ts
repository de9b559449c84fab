import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MediaPlanEntity } from '../media-plan/media-plan.entity';
import { MediaPlan } from '../media-plan/media-plan.type';
import { MediaPlanExecutionService } from './media-plan-execution.service';
import { MediaPlanExecution } from './media-plan-execution.type';
import type { AqparatTolqynyContext } from '../context';

@Resolver(() => MediaPlan)
export class MediaPlanExecutionResolver {
  @FieldResolver(() => MediaPlanExecution, { description: 'Items planned, published on time or late, cancelled, and reach by channel' })
  execution(@Root() plan: MediaPlanEntity, @Ctx() ctx: AqparatTolqynyContext): Promise<MediaPlanExecution> {
    return new MediaPlanExecutionService(ctx).forPlan(plan.id);
  }
}
