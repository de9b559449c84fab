import type { SubgraphName } from '@rz/contract';
import { forbidden, kato } from '@rz/schema';
import { actsIn, editsSubprogramme, hasRole, requireViewer, Role, type Viewer } from './viewer';

/**
 * The access verbs every subgraph uses, bound to its subprogramme. A subgraph's
 * `src/access/` builds its rules from these, so the same question has the same
 * name everywhere:
 * - `isEditor`: admins and the ministry's editors of this subprogramme act on every record;
 * - `managesTerritory`: editors, and akimat officers whose scope covers the record's territory
 *   (a record with no territory is republican: editors only);
 * - `requireManagerRole`: the role half of it, settled before the input is read: editors and akimat officers;
 * - `oversees`: who reads work in progress: those who manage it, and the project office of its region.
 */
export interface SubprogrammeAccess {
  readonly subprogramme: SubgraphName;
  isEditor(viewer: Viewer | null): boolean;
  managesTerritory(viewer: Viewer | null, territory: string | null): boolean;
  /** FORBIDDEN unless `managesTerritory`; `what` completes "Only ... may <what>". */
  requireManagesTerritory(viewer: Viewer | null, territory: string | null, what: string): Viewer;
  /** FORBIDDEN unless the viewer is an editor or an akimat officer (anywhere); the territory is checked later with `requireManagesTerritory`. */
  requireManagerRole(viewer: Viewer | null, what: string): Viewer;
  oversees(viewer: Viewer | null, territory: string | null): boolean;
  /** The territory codes whose work in progress the viewer reads, for a SQL filter; null means every territory. */
  overseenCodes(viewer: Viewer | null): string[] | null;
}

export function subprogrammeAccess(subprogramme: SubgraphName, title: string): SubprogrammeAccess {
  const isEditor = (viewer: Viewer | null) => editsSubprogramme(viewer, subprogramme);
  const managesTerritory = (viewer: Viewer | null, territory: string | null) =>
    isEditor(viewer) || (!!territory && actsIn(viewer, territory, Role.AKIMAT_OFFICER));
  return {
    subprogramme,
    isEditor,
    managesTerritory,
    requireManagesTerritory(viewer, territory, what) {
      const v = requireViewer(viewer);
      if (!managesTerritory(v, territory)) {
        const who = territory ? `${title} editors or akimat officers whose scope covers this territory` : `${title} editors`;
        throw forbidden(`Only ${who} may ${what}`, territory ? { territoryCode: territory } : {});
      }
      return v;
    },
    requireManagerRole(viewer, what) {
      const v = requireViewer(viewer);
      if (!isEditor(v) && !hasRole(v, Role.AKIMAT_OFFICER)) throw forbidden(`Only ${title} editors and akimat officers may ${what}`);
      return v;
    },
    oversees(viewer, territory) {
      if (managesTerritory(viewer, territory)) return true;
      const found = territory ? kato().find(territory) : undefined;
      return !!found && actsIn(viewer, kato().region(found.code).code, Role.PROJECT_OFFICE);
    },
    overseenCodes(viewer) {
      if (!viewer) return [];
      if (isEditor(viewer)) return null;
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
    },
  };
}
