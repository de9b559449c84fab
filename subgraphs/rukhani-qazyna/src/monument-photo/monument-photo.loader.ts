import { listByKeyLoader } from '@rz/subgraph-runtime';
import { MonumentPhotoEntity } from './monument-photo.entity';

/** Photos of each monument in the order they were added. */
export const monumentPhotosLoader = listByKeyLoader(MonumentPhotoEntity, 'monumentId', { order: { id: 'ASC' } });
