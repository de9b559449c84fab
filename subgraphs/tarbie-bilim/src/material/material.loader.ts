import { byIdLoader, listByKeyLoader } from '@rz/subgraph-runtime';
import { LocalHistoryMaterialMonumentEntity } from './material-monument.entity';
import { LocalHistoryMaterialEntity } from './material.entity';

export const materialByIdLoader = byIdLoader(LocalHistoryMaterialEntity);

/** The monuments each material describes, in listed order: one query per page. */
export const materialMonumentsLoader = listByKeyLoader(LocalHistoryMaterialMonumentEntity, 'materialId', { order: { position: 'ASC' } });
