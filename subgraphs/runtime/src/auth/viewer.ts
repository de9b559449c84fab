import { forbidden, kato, unauthenticated } from '@rz/schema';

/** Role names as they appear in token claims. */
export enum Role {
  CITIZEN = 'citizen',
  VOLUNTEER = 'volunteer',
  NGO = 'ngo',
  PATRON = 'patron',
  AKIMAT_OFFICER = 'akimat_officer',
  PROJECT_OFFICE = 'project_office',
  MINISTRY_EDITOR = 'ministry_editor',
  ADMIN = 'admin',
}

export const ALL_ROLES = Object.values(Role);

/** Who is calling: from a verified token, or anonymous (null). */
export interface Viewer {
  subject: string;
  roles: Role[];
  /** KATO code: officers and project offices act only inside it. */
  territory: string | null;
  /** Subprogramme a ministry editor edits (a subgraph name). */
  subprogramme: string | null;
  /** The token carries a verified identity (digital signature). */
  identityVerified: boolean;
}

export function hasRole(viewer: Viewer | null, ...roles: Role[]): boolean {
  return !!viewer && (viewer.roles.includes(Role.ADMIN) || roles.some((r) => viewer.roles.includes(r)));
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** Whether the viewer edits `subprogramme` (a subgraph name) as its ministry editor, or is an admin: both act on every record. */
export function editsSubprogramme(viewer: Viewer | null, subprogramme: string): boolean {
  return !!viewer && (viewer.roles.includes(Role.ADMIN) || (viewer.roles.includes(Role.MINISTRY_EDITOR) && viewer.subprogramme === subprogramme));
}

/** Whether the viewer may act on a record in `territory` with one of `roles` (admins act everywhere). */
export function actsIn(viewer: Viewer | null, territory: string, ...roles: Role[]): boolean {
  if (!viewer) return false;
  if (viewer.roles.includes(Role.ADMIN)) return true;
  if (!roles.some((r) => viewer.roles.includes(r))) return false;
  return !!viewer.territory && kato().isWithin(territory, viewer.territory);
}

/** Throws FORBIDDEN unless the viewer acts in `territory` with one of `roles`. */
export function requireActsIn(viewer: Viewer | null, territory: string, ...roles: Role[]): Viewer {
  const v = requireViewer(viewer);
  if (!actsIn(v, territory, ...roles)) {
    throw forbidden(`Your role and scope do not cover territory ${territory}`, { territoryCode: territory });
  }
  return v;
}
