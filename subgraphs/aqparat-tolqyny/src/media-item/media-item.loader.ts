import { groupBy, listByKeyLoader, type SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { FaceEntity } from '../face/face.entity';
import { MediaSubjectKind } from './media-item.enums';
import { MediaItemSubjectEntity } from './media-item-subject.entity';
import { MediaItemEntity } from './media-item.entity';

/** Items of each plan, by planned date; one query for a whole page of plans. */
export const mediaItemsByPlanIdLoader = listByKeyLoader(MediaItemEntity, 'planId', { order: { plannedDate: 'ASC', id: 'ASC' } });

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
