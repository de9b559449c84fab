import { mediaPlanExecutionLoader } from './media-plan-execution.loader';
import type { MediaPlanExecution } from './media-plan-execution.type';
import type { AqparatTolqynyContext } from '../context';

export class MediaPlanExecutionService {
  constructor(private readonly ctx: AqparatTolqynyContext) {}

  /** Items of the plan by outcome, and reach by channel; on time means published on or before the planned date. */
  forPlan(planId: string): Promise<MediaPlanExecution> {
    return this.ctx.loaders.get(mediaPlanExecutionLoader).load(planId);
  }
}
