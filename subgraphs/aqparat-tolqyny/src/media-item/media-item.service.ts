import { badUserInput } from '@rz/schema';
import { newId, type SubgraphContext } from '@rz/subgraph-runtime';
import { MediaPlanEntity } from '../media-plan/media-plan.entity';
import { assertEditable, MediaPlanService } from '../media-plan/media-plan.service';
import { periodBounds } from '../media-plan/media-plan.period';
import { MediaItemSubjectEntity } from './media-item-subject.entity';
import { MediaItemEntity } from './media-item.entity';
import { MediaItemStatus } from './media-item.enums';
import type { AddMediaPlanItemInput } from './media-item.input';
import { mediaItemsByPlanIdLoader, mediaSubjectsByItemIdLoader } from './media-item.loader';
import { isExposedSubjectKind, type MediaSubjectValue } from './media-subject.type';

export class MediaItemService {
  constructor(private readonly ctx: SubgraphContext) {}

  forPlan(planId: string): Promise<MediaItemEntity[]> {
    return this.ctx.loaders.get(mediaItemsByPlanIdLoader).load(planId);
  }

  async subjects(itemId: string): Promise<MediaSubjectValue[]> {
    const rows = await this.ctx.loaders.get(mediaSubjectsByItemIdLoader).load(itemId);
    // Kinds without a GraphQL type yet (FACE) stay in the table but out of the union.
    return rows.filter((r) => isExposedSubjectKind(r.kind)).map((r) => ({ kind: r.kind as MediaSubjectValue['kind'], id: r.subjectId }));
  }

  async add(planId: string, input: AddMediaPlanItemInput): Promise<MediaItemEntity> {
    const { plan, viewer } = await new MediaPlanService(this.ctx).requireEditable(planId, 'planId');
    const { from, to } = periodBounds(plan.year, plan.quarter);
    if (input.plannedDate < from || input.plannedDate > to) {
      throw badUserInput('input.plannedDate', `The planned date must fall inside the plan's period, ${from} to ${to}`, { from, to });
    }
    const outlet = required(input.outlet, 'input.outlet');
    const format = required(input.format, 'input.format');
    const rubric = input.rubric?.trim() || null;
    // The same subject named twice is one subject.
    const subjects = [...new Map(input.subjects.map((s) => [`${s.kind}:${s.id.toLowerCase()}`, s])).values()];

    const item = await this.ctx.db.transaction(async (tx) => {
      // Holds off a concurrent submit until the item is in, and sees one that came first.
      const locked = await tx.getRepository(MediaPlanEntity).findOneOrFail({ where: { id: plan.id }, lock: { mode: 'pessimistic_read' } });
      assertEditable(locked, 'planId');
      const row = tx.getRepository(MediaItemEntity).create({
        id: newId(),
        planId: plan.id,
        channel: input.channel,
        outlet,
        level: input.level,
        format,
        rubric,
        plannedDate: input.plannedDate,
        language: input.language,
        status: MediaItemStatus.PLANNED,
        createdBy: viewer.subject,
      });
      await tx.getRepository(MediaItemEntity).insert(row);
      if (subjects.length) {
        await tx
          .getRepository(MediaItemSubjectEntity)
          .insert(subjects.map((s, position) => ({ itemId: row.id, kind: s.kind, subjectId: s.id.toLowerCase(), position })));
      }
      return tx.getRepository(MediaItemEntity).findOneByOrFail({ id: row.id });
    });
    this.ctx.loaders.get(mediaItemsByPlanIdLoader).clear(plan.id);
    return item;
  }
}

function required(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badUserInput(field, 'Must not be blank');
  return trimmed;
}
