import { Role, type Viewer } from '@rz/subgraph-runtime';
import { ComplaintActorRole } from './complaint.enums';

/** When someone holds several roles, the record shows the most civic one. */
const CIVIC_ROLE_ORDER: readonly Role[] = [Role.CITIZEN, Role.NGO, Role.VOLUNTEER, Role.PATRON, Role.PROJECT_OFFICE, Role.AKIMAT_OFFICER, Role.MINISTRY_EDITOR, Role.ADMIN];

export function actorRole(viewer: Viewer): ComplaintActorRole {
  const role = CIVIC_ROLE_ORDER.find((r) => viewer.roles.includes(r)) ?? Role.CITIZEN;
  return role.toUpperCase() as ComplaintActorRole;
}
