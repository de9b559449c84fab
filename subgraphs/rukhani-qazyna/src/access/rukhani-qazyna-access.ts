import { Role, subprogrammeAccess } from '@rz/subgraph-runtime';

/**
 * Rukhani Qazyna records are edited by the Culture ministry's editors of the subprogramme (and
 * admins) everywhere and, where the record has a territory, by akimat officers whose scope covers
 * it (`managesTerritory`); monuments themselves only by editors (`isEditor`).
 */
export const { isEditor, managesTerritory, requireManagesTerritory, requireManagerRole } = subprogrammeAccess('rukhani-qazyna', 'Rukhani Qazyna');

/**
 * Roles that may reach the mutations shared by editors and akimat officers (admins pass too);
 * `@Authorized(...EDITOR_ROLES)` refuses everyone else before the input or the record is read,
 * and the services then check the subprogramme and the territory.
 */
export const EDITOR_ROLES = [Role.MINISTRY_EDITOR, Role.AKIMAT_OFFICER];
