import type { EntityManager } from 'typeorm';
import { requireAdmin } from '../../access/atameken-access';
import { ComplaintTopic } from '../complaint/complaint.enums';
import { ComplaintTopicDeadlineEntity } from './complaint-deadline.entity';
import type { SetComplaintTopicDeadlineArgs } from './complaint-deadline.input';
import type { ComplaintTopicDeadline } from './complaint-deadline.type';
import type { AtamekenContext } from '../../context';

/** The akimat answers within 15 working days unless a topic says otherwise. */
export const DEFAULT_DEADLINE_WORKING_DAYS = 15;

export async function workingDaysFor(manager: EntityManager, topic: ComplaintTopic): Promise<number> {
  const row = await manager.findOneBy(ComplaintTopicDeadlineEntity, { topic });
  return row?.workingDays ?? DEFAULT_DEADLINE_WORKING_DAYS;
}

export class ComplaintDeadlineService {
  constructor(private readonly ctx: AtamekenContext) {}

  async all(): Promise<ComplaintTopicDeadline[]> {
    const rows = await this.ctx.db.getRepository(ComplaintTopicDeadlineEntity).find();
    const byTopic = new Map(rows.map((r) => [r.topic, r.workingDays]));
    return Object.values(ComplaintTopic).map((topic) => ({
      topic,
      workingDays: byTopic.get(topic) ?? DEFAULT_DEADLINE_WORKING_DAYS,
      isDefault: !byTopic.has(topic),
    }));
  }

  /** Applies to complaints filed (or reopened) from now on; running deadlines stay as they were. */
  async set({ topic, workingDays }: SetComplaintTopicDeadlineArgs): Promise<ComplaintTopicDeadline> {
    requireAdmin(this.ctx.viewer, 'set complaint deadlines');
    const repository = this.ctx.db.getRepository(ComplaintTopicDeadlineEntity);
    if (workingDays === null || workingDays === undefined) {
      await repository.delete({ topic });
      return { topic, workingDays: DEFAULT_DEADLINE_WORKING_DAYS, isDefault: true };
    }
    await repository.upsert({ topic, workingDays }, ['topic']);
    return { topic, workingDays, isDefault: false };
  }
}
