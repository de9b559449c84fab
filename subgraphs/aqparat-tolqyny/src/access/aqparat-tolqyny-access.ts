import { subprogrammeAccess } from '@rz/subgraph-runtime';

/**
 * Work in progress (a media plan not yet approved, a declined nomination) is read only by the people
 * who handle it (`oversees`, and `overseenCodes` for list filters): akimat officers whose scope covers
 * the record's territory, the project office of its region, the ministry's editors of this
 * subprogramme and admins. Everyone else sees the approved plans and the faces still in the project.
 */
export const { oversees, overseenCodes } = subprogrammeAccess('aqparat-tolqyny', 'Aqparat Tolqyny');
