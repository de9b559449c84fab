import { byIdLoader, type LoaderFactory, type SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { MediaItemSubjectEntity } from '../media-item/media-item-subject.entity';
import { MediaItemEntity } from '../media-item/media-item.entity';
import { MediaItemStatus, MediaSubjectKind } from '../media-item/media-item.enums';

type CoverageLoader = DataLoader<string, MediaItemEntity[]>;

function coverageLoader(kind: MediaSubjectKind): LoaderFactory<CoverageLoader> {
  return ({ db }: SubgraphContext) =>
    new DataLoader(async (subjectIds) => {
      // Keys come from other subgraphs' representations: a malformed one must not fail the batch.
      const valid = [...new Set(subjectIds.filter((id) => isUUID(id)).map((id) => id.toLowerCase()))];
      const rows = valid.length
        ? await db
            .getRepository(MediaItemSubjectEntity)
            .createQueryBuilder('s')
            .innerJoinAndMapOne('s.item', MediaItemEntity, 'i', 'i.id = s.itemId AND i.status = :published', { published: MediaItemStatus.PUBLISHED })
            .where('s.kind = :kind AND s.subjectId IN (:...valid)', { kind, valid })
            .orderBy('i.publishedOn', 'DESC')
            .addOrderBy('i.id', 'DESC')
            .getMany()
        : [];
      const bySubject = new Map<string, MediaItemEntity[]>();
      for (const row of rows) {
        const items = bySubject.get(row.subjectId) ?? [];
        items.push(row.item!);
        bySubject.set(row.subjectId, items);
      }
      return subjectIds.map((id) => bySubject.get(id.toLowerCase()) ?? []);
    });
}

/** Published items about each subject of one kind, newest publication first: one factory per kind, one query per request tick. */
export const publishedItemsBySubjectLoader: Readonly<Record<MediaSubjectKind, LoaderFactory<CoverageLoader>>> = {
  [MediaSubjectKind.INITIATIVE]: coverageLoader(MediaSubjectKind.INITIATIVE),
  [MediaSubjectKind.MONUMENT]: coverageLoader(MediaSubjectKind.MONUMENT),
  [MediaSubjectKind.EVENT]: coverageLoader(MediaSubjectKind.EVENT),
  [MediaSubjectKind.FACE]: coverageLoader(MediaSubjectKind.FACE),
};

/** Media items by id; unknown ids resolve to null. */
export const mediaItemByIdLoader = byIdLoader(MediaItemEntity);
