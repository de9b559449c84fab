import { todayInKazakhstan } from '@rz/schema';
import { byIdLoader, type SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { MediaItemStatus, MediaSubjectKind } from '../media-item/media-item.enums';
import { FaceSupportEntity } from './face-support.entity';
import { FaceEntity } from './face.entity';

/** Faces by id; unknown or malformed ids resolve to null. */
export const faceByIdLoader = byIdLoader(FaceEntity);

/** Number of residents supporting each face. */
export function faceSupportCountLoader({ db }: SubgraphContext): DataLoader<string, number> {
  return new DataLoader(async (faceIds) => {
    const rows: { faceId: string; count: number }[] = await db
      .getRepository(FaceSupportEntity)
      .createQueryBuilder('s')
      .select('s.faceId', 'faceId')
      .addSelect('count(*)::int', 'count')
      .where('s.faceId IN (:...faceIds)', { faceIds })
      .groupBy('s.faceId')
      .getRawMany();
    const byFace = new Map(rows.map((r) => [r.faceId, r.count]));
    return faceIds.map((id) => byFace.get(id) ?? 0);
  });
}

/** Whether the signed-in viewer supports each face (false for anonymous callers). */
export function faceSupportedByViewerLoader({ db, viewer }: SubgraphContext): DataLoader<string, boolean> {
  return new DataLoader(async (faceIds) => {
    if (!viewer) return faceIds.map(() => false);
    const rows = await db.getRepository(FaceSupportEntity).find({
      select: { faceId: true },
      where: { faceId: In([...faceIds]), subject: viewer.subject },
    });
    const supported = new Set(rows.map((r) => r.faceId));
    return faceIds.map((id) => supported.has(id));
  });
}

/**
 * Published media items covering each face in the 12 months up to today (Kazakhstan
 * time): the measure behind "already in the media".
 */
export function faceMediaMentionsLoader({ db }: SubgraphContext): DataLoader<string, number> {
  return new DataLoader(async (faceIds) => {
    const rows: { faceId: string; count: number }[] = await db.query(
      `SELECT s.subject_id AS "faceId", count(DISTINCT i.id)::int AS count
         FROM media_item_subject s
         JOIN media_item i ON i.id = s.item_id
        WHERE s.kind = $1 AND s.subject_id = ANY($2::uuid[]) AND i.status = $3
          AND i.published_on > $4::date - interval '12 months' AND i.published_on <= $4::date
        GROUP BY s.subject_id`,
      [MediaSubjectKind.FACE, faceIds, MediaItemStatus.PUBLISHED, todayInKazakhstan()],
    );
    const byFace = new Map(rows.map((r) => [r.faceId, r.count]));
    return faceIds.map((id) => byFace.get(id) ?? 0);
  });
}
