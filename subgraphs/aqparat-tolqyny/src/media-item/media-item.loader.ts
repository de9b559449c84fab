import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { MediaItemSubjectEntity } from './media-item-subject.entity';
import { MediaItemEntity } from './media-item.entity';

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Items of each plan, by planned date; one query for a whole page of plans. */
export function mediaItemsByPlanIdLoader({ db }: SubgraphContext): DataLoader<string, MediaItemEntity[]> {
  return new DataLoader(async (planIds) => {
    const rows = await db.getRepository(MediaItemEntity).find({
      where: { planId: In([...planIds]) },
      order: { plannedDate: 'ASC', id: 'ASC' },
    });
    const byPlan = groupBy(rows, (r) => r.planId);
    return planIds.map((id) => byPlan.get(id) ?? []);
  });
}

/** Subjects of each item in the planner's order; one query for all items of a response. */
export function mediaSubjectsByItemIdLoader({ db }: SubgraphContext): DataLoader<string, MediaItemSubjectEntity[]> {
  return new DataLoader(async (itemIds) => {
    const rows = await db.getRepository(MediaItemSubjectEntity).find({
      where: { itemId: In([...itemIds]) },
      order: { itemId: 'ASC', position: 'ASC' },
    });
    const byItem = groupBy(rows, (r) => r.itemId);
    return itemIds.map((id) => byItem.get(id) ?? []);
  });
}
