import { forbidden } from '@rz/schema';
import { actsIn, editsSubprogramme, hasRole, requireActsIn, requireViewer, Role, type Viewer } from '@rz/subgraph-runtime';

export const SUBPROGRAMME = 'tarbie-bilim';

/** Admins and editors of this subprogramme act everywhere. */
export function isTarbieBilimEditor(viewer: Viewer | null): boolean {
  return editsSubprogramme(viewer, SUBPROGRAMME);
}

/** Editors (everywhere), akimat officers (inside their territory) and admins manage Tarbie-Bilim records. */
export function requireManagerRole(viewer: Viewer | null, what: string): Viewer {
  const v = requireViewer(viewer);
  if (!isTarbieBilimEditor(v) && !hasRole(v, Role.AKIMAT_OFFICER)) {
    throw forbidden(`Only editors of the Tarbie-Bilim subprogramme, akimat officers and admins may manage ${what}`);
  }
  return v;
}

/** FORBIDDEN unless the viewer may manage a record in `territoryCode`. */
export function requireManagerScope(viewer: Viewer, territoryCode: string): void {
  if (!isTarbieBilimEditor(viewer)) requireActsIn(viewer, territoryCode, Role.AKIMAT_OFFICER);
}

/** Whether the viewer may manage (and see the registrants of) a record in `territoryCode`. */
export function managesTerritory(viewer: Viewer | null, territoryCode: string): boolean {
  return isTarbieBilimEditor(viewer) || actsIn(viewer, territoryCode, Role.AKIMAT_OFFICER);
}
