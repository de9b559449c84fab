import { forbidden, kato } from '@rz/schema';
import { editsSubprogramme, requireViewer, Role, type Viewer } from '@rz/subgraph-runtime';

export const SUBPROGRAMME = 'rukhani-qazyna';

/**
 * Roles that may reach the mutations shared by editors and akimat officers (admins pass too);
 * `@Authorized(...EDITOR_ROLES)` refuses everyone else before the input or the record is read,
 * and the services then check the subprogramme and the territory.
 */
export const EDITOR_ROLES = [Role.MINISTRY_EDITOR, Role.AKIMAT_OFFICER];

/** Editors of the Culture ministry's subprogramme (and admins) act on every record. */
export function isSubprogrammeEditor(viewer: Viewer | null): boolean {
  return editsSubprogramme(viewer, SUBPROGRAMME);
}

/**
 * Whether the viewer may act on a record placed in `territory`: subprogramme editors
 * everywhere, akimat officers inside their scope (a record with no territory is republican).
 */
export function mayActIn(viewer: Viewer | null, territory: string | null): boolean {
  if (isSubprogrammeEditor(viewer)) return true;
  if (!viewer || !territory || !viewer.territory || !viewer.roles.includes(Role.AKIMAT_OFFICER)) return false;
  return kato().isWithin(territory, viewer.territory);
}

export function requireMayActIn(viewer: Viewer | null, territory: string | null, what: string): Viewer {
  const v = requireViewer(viewer);
  if (!mayActIn(v, territory)) {
    throw forbidden(`Only Rukhani Qazyna editors${territory ? ' or akimat officers whose scope covers this territory' : ''} may ${what}`, territory ? { territoryCode: territory } : {});
  }
  return v;
}
