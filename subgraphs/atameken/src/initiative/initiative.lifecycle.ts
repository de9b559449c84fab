import { InitiativeStatus } from './initiative.enums';

const { INITIATED, IN_PROGRESS, IMPLEMENTED, REJECTED, WITHDRAWN } = InitiativeStatus;

/** Allowed status changes; everything else is an INVALID_TRANSITION. */
export const INITIATIVE_TRANSITIONS: Readonly<Record<InitiativeStatus, readonly InitiativeStatus[]>> = {
  [INITIATED]: [IN_PROGRESS, REJECTED, WITHDRAWN],
  [IN_PROGRESS]: [IMPLEMENTED, WITHDRAWN],
  [IMPLEMENTED]: [],
  [REJECTED]: [],
  [WITHDRAWN]: [],
};

export function canMoveInitiative(from: InitiativeStatus, to: InitiativeStatus): boolean {
  return INITIATIVE_TRANSITIONS[from].includes(to);
}

/** Only the author withdraws their initiative; the akimat decides every other change. */
export function isAuthorTransition(to: InitiativeStatus): boolean {
  return to === WITHDRAWN;
}
