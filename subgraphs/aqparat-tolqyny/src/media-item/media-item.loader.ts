import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { FaceEntity } from '../face/face.entity';
import { MediaSubjectKind } from './media-item.enums';
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

/** Subjects of each item in the planner's order, faces with their rows; one query for all items of a response. */
export function mediaSubjectsByItemIdLoader({ db }: SubgraphContext): DataLoader<string, MediaItemSubjectEntity[]> {
  return new DataLoader(async (itemIds) => {
    const rows = await db
      .getRepository(MediaItemSubjectEntity)
      .createQueryBuilder('s')
      .leftJoinAndMapOne('s.face', FaceEntity, 'f', 's.kind = :face AND f.id = s.subjectId', { face: MediaSubjectKind.FACE })
      .where('s.itemId IN (:...itemIds)', { itemIds })
      .orderBy('s.itemId', 'ASC')
      .addOrderBy('s.position', 'ASC')
      .getMany();
    const byItem = groupBy(rows, (r) => r.itemId);
    return itemIds.map((id) => byItem.get(id) ?? []);
  });
}
