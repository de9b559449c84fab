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

export function canMoveFace(from: FaceStatus, to: FaceStatus): boolean {
  return FACE_TRANSITIONS[from].includes(to);
}

/** The republic's target of "100 new faces". */
export const FACE_TARGET = 100;
