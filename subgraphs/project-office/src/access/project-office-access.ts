import { actsIn, requireViewer, Role, subprogrammeAccess, type SubprogrammeAccess, type Viewer } from '@rz/subgraph-runtime';
import { forbidden, kato } from '@rz/schema';
import { Subprogramme } from '../project/project.enums';

const ACCESS: Record<Subprogramme, SubprogrammeAccess> = {
  [Subprogramme.TARBIE_BILIM]: subprogrammeAccess('tarbie-bilim', 'Tarbie-Bilim'),
  [Subprogramme.ATAMEKEN]: subprogrammeAccess('atameken', 'Atameken'),
  [Subprogramme.RUKHANI_QAZYNA]: subprogrammeAccess('rukhani-qazyna', 'Rukhani Qazyna'),
  [Subprogramme.AQPARAT_TOLQYNY]: subprogrammeAccess('aqparat-tolqyny', 'Aqparat Tolqyny'),
};

/**
 * Who keeps a project in the register: the project office of its region, akimat officers whose
 * scope covers its territory, the ministry's editors of its subprogramme and admins
 * (the subprogramme's `oversees`). The register itself is public.
 */
export function managesProject(viewer: Viewer | null, subprogramme: Subprogramme, territory: string): boolean {
  return ACCESS[subprogramme].oversees(viewer, territory);
}

export function requireManagesProject(viewer: Viewer | null, subprogramme: Subprogramme, territory: string): Viewer {
  const v = requireViewer(viewer);
  if (!managesProject(v, subprogramme, territory)) {
    throw forbidden('Only the regional project office, akimat officers of this territory and the subprogramme\'s editors may keep this project', {
      territoryCode: territory,
    });
  }
  return v;
}

/** A district report is written by akimat officers whose scope covers the district (admins too). */
export function writesDistrictReport(viewer: Viewer | null, territory: string): boolean {
  return actsIn(viewer, territory, Role.AKIMAT_OFFICER);
}

/** The project office of the report's region reviews it and sees which districts are late (admins too). */
export function reviewsDistrictReport(viewer: Viewer | null, territory: string): boolean {
  return actsIn(viewer, kato().region(territory).code, Role.PROJECT_OFFICE);
}

/** Who reads a district report: its writers and its reviewers. */
export function readsDistrictReport(viewer: Viewer | null, territory: string): boolean {
  return writesDistrictReport(viewer, territory) || reviewsDistrictReport(viewer, territory);
}

/** The territory codes whose reports the viewer reads, for a SQL filter; null means every territory (admins). */
export function districtReportCodes(viewer: Viewer | null): string[] | null {
  if (!viewer) return [];
  if (viewer.roles.includes(Role.ADMIN)) return null;
  const scope = viewer.territory ? kato().find(viewer.territory) : undefined;
  if (!scope) return [];
  const codes = new Set<string>();
  if (viewer.roles.includes(Role.AKIMAT_OFFICER)) for (const code of kato().subtreeCodes(scope.code)) codes.add(code);
  if (viewer.roles.includes(Role.PROJECT_OFFICE)) {
    for (const region of kato().regions) if (kato().isWithin(region.code, scope.code)) for (const code of kato().subtreeCodes(region.code)) codes.add(code);
  }
  return [...codes];
}
