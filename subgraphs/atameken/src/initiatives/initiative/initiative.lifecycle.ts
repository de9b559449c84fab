import { InitiativeStatus } from './initiative.enums';

const { INITIATED, IN_PROGRESS, IMPLEMENTED, REJECTED, WITHDRAWN } = InitiativeStatus;

/** Allowed status changes; everything else is an INVALID_TRANSITION. */
export const INITIATIVE_TRANSITIONS: Readonly<Record<InitiativeStatus, readonly InitiativeStatus[]>> = {
  [INITIATED]: [IN_PROGRESS, REJECTED, WITHDRAWN],
  // Withdrawal is possible only before work starts.
  [IN_PROGRESS]: [IMPLEMENTED],
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

/** Moving here needs the estimate covered by pledges and the budget. */
export const COVERED_STATUS = IN_PROGRESS;
/** Reached only with an implementation record (completeInitiative). */
export const IMPLEMENTED_STATUS = IMPLEMENTED;
