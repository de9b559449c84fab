import { FaceStatus } from './face.enums';

const { NOMINATED, SHORTLISTED, SELECTED, FEATURED, DECLINED } = FaceStatus;

/** Allowed status changes; everything else is an INVALID_TRANSITION. */
export const FACE_TRANSITIONS: Readonly<Record<FaceStatus, readonly FaceStatus[]>> = {
  [NOMINATED]: [SHORTLISTED, DECLINED],
  [SHORTLISTED]: [SELECTED, DECLINED],
  [SELECTED]: [FEATURED, DECLINED],
  [FEATURED]: [],
  [DECLINED]: [],
};

/** Residents support a nomination while it is still being discussed. */
export const SUPPORT_OPEN: readonly FaceStatus[] = [NOMINATED, SHORTLISTED];

/** Whoever may take a manual step (admins may take every one). */
export enum FaceActor {
  /** An akimat officer whose scope covers the face's territory: the district's own list. */
  TERRITORY_AKIMAT = 'TERRITORY_AKIMAT',
  /** The project office of the face's region: the regional selection towards the republic's 100. */
  REGION_PROJECT_OFFICE = 'REGION_PROJECT_OFFICE',
}

/**
 * Who takes which step:
 * - NOMINATED -> SHORTLISTED, and declining a nomination or a shortlisted face: the akimat of the
 *   territory (it discussed the list with residents, NGOs and business) or the regional project office;
 * - SHORTLISTED -> SELECTED, and declining a selected face: the regional project office only;
 * - SELECTED -> FEATURED: nobody by hand; publishing a media item that covers the face does it.
 */
export function faceStepActors(from: FaceStatus, to: FaceStatus): readonly FaceActor[] {
  if (to === FEATURED) return [];
  if (to === SELECTED || (to === DECLINED && from === SELECTED)) return [FaceActor.REGION_PROJECT_OFFICE];
  return [FaceActor.TERRITORY_AKIMAT, FaceActor.REGION_PROJECT_OFFICE];
}

/**
 * Who may move a face to `to` from some state: the part of faceStepActors that does not depend on
 * where the face is now, so a caller who may never take the step is refused before its state is judged.
 * FEATURED answers everyone who acts on the face, who then learn that it is never a manual step.
 */
export function targetActors(to: FaceStatus): readonly FaceActor[] {
  if (to === SELECTED) return [FaceActor.REGION_PROJECT_OFFICE];
  return [FaceActor.TERRITORY_AKIMAT, FaceActor.REGION_PROJECT_OFFICE];
}

export function canMoveFace(from: FaceStatus, to: FaceStatus): boolean {
  return FACE_TRANSITIONS[from].includes(to);
}

/** The republic's target of "100 new faces". */
export const FACE_TARGET = 100;
