import type { Lang } from '@rz/schema';
import { enqueueNotification } from '@rz/subgraph-runtime';
import type { EntityManager } from 'typeorm';
import type { FaceEntity } from './face.entity';
import { FaceStatus } from './face.enums';

const TOLD: readonly FaceStatus[] = [FaceStatus.SHORTLISTED, FaceStatus.SELECTED, FaceStatus.FEATURED];

/**
 * Tells whoever entered the nomination that the face moved on, in the change's transaction: a face
 * has no account of their own, the nominator is the one who speaks with them. Keyed by the status change.
 */
export async function notifyFaceStatus(
  manager: EntityManager,
  face: Pick<FaceEntity, 'id' | 'name' | 'territoryCode' | 'nominatorSubject'>,
  to: FaceStatus,
  changeId: string,
  language: Lang | null | undefined,
): Promise<void> {
  if (!TOLD.includes(to)) return;
  await enqueueNotification(manager, {
    dedupeKey: `face-status:${changeId}`,
    recipientSubject: face.nominatorSubject,
    kind: 'FACE_STATUS_CHANGED',
    about: { type: 'Face', id: face.id },
    // The face's name is published by the project; the story and the decline reason are not sent.
    params: { faceId: face.id, status: to, name: face.name, territoryCode: face.territoryCode },
    language: language ?? null,
  });
}
