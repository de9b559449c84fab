import { subprogrammeAccess } from '@rz/subgraph-runtime';

/**
 * Tarbie-Bilim records are managed by the subprogramme's editors (and admins) everywhere and by
 * akimat officers inside their territory. Services settle the role first (`requireManagerRole`,
 * before the input is read), then the record's territory (`requireManagesTerritory`); an event's
 * registrants are seen by those who manage it (`managesTerritory`).
 */
export const { isEditor, managesTerritory, requireManagesTerritory, requireManagerRole } = subprogrammeAccess('tarbie-bilim', 'Tarbie-Bilim');
