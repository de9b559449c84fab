import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { MonumentPhotoEntity } from './monument-photo.entity';

/** Photos of each monument in the order they were added. */
export function monumentPhotosLoader({ db }: SubgraphContext): DataLoader<string, MonumentPhotoEntity[]> {
  return new DataLoader(async (monumentIds) => {
    const rows = await db.getRepository(MonumentPhotoEntity).find({ where: { monumentId: In([...monumentIds]) }, order: { id: 'ASC' } });
    const byMonument = new Map<string, MonumentPhotoEntity[]>();
    for (const row of rows) byMonument.set(row.monumentId, [...(byMonument.get(row.monumentId) ?? []), row]);
    return monumentIds.map((id) => byMonument.get(id) ?? []);
  });
}
