import { kato } from '@rz/schema';
import { actsIn, editsSubprogramme, Role, type Viewer } from '@rz/subgraph-runtime';

export const SUBPROGRAMME = 'aqparat-tolqyny';

/**
 * Work in progress (a media plan not yet approved, a declined nomination) is read only by the people
 * who handle it: akimat officers whose scope covers the record's territory, the project office of its
 * region, the ministry's editors of this subprogramme and admins. Everyone else sees the approved plans
 * and the faces still in the project.
 */
export function oversees(viewer: Viewer | null, territoryCode: string): boolean {
  if (!viewer) return false;
  if (editsSubprogramme(viewer, SUBPROGRAMME)) return true;
  const territory = kato().find(territoryCode);
  if (!territory) return false;
  return actsIn(viewer, territory.code, Role.AKIMAT_OFFICER) || actsIn(viewer, kato().region(territory.code).code, Role.PROJECT_OFFICE);
}

/**
 * The territory codes whose work in progress the viewer reads, for a SQL filter; null means every
 * territory. Same rule as `oversees`.
 */
export function overseenCodes(viewer: Viewer | null): string[] | null {
  if (!viewer) return [];
  if (editsSubprogramme(viewer, SUBPROGRAMME)) return null;
  const scope = viewer.territory ? kato().find(viewer.territory) : undefined;
  if (!scope) return [];
  const codes = new Set<string>();
  if (viewer.roles.includes(Role.AKIMAT_OFFICER)) for (const code of kato().subtreeCodes(scope.code)) codes.add(code);
  if (viewer.roles.includes(Role.PROJECT_OFFICE)) {
    // A project office acts for whole regions: those its scope covers.
    for (const region of kato().regions) {
      if (kato().isWithin(region.code, scope.code)) for (const code of kato().subtreeCodes(region.code)) codes.add(code);
    }
  }
  return [...codes];
}
