import type { SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LocalHistoryMaterialMonumentEntity } from './material-monument.entity';
import { LocalHistoryMaterialEntity } from './material.entity';

export function materialByIdLoader({ db }: SubgraphContext): DataLoader<string, LocalHistoryMaterialEntity | null> {
  return new DataLoader(async (ids) => {
    const wellFormed = ids.filter((id) => isUUID(id, 'all'));
    const rows = wellFormed.length ? await db.getRepository(LocalHistoryMaterialEntity).findBy({ id: In(wellFormed) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Monument ids each material describes, in listed order: one query per page. */
export function monumentIdsByMaterialLoader({ db }: SubgraphContext): DataLoader<string, string[]> {
  return new DataLoader(async (materialIds) => {
    const rows = await db.getRepository(LocalHistoryMaterialMonumentEntity).find({
      where: { materialId: In([...materialIds]) },
      order: { materialId: 'ASC', position: 'ASC' },
    });
    const byMaterial = new Map<string, string[]>(materialIds.map((id) => [id, []]));
    for (const row of rows) byMaterial.get(row.materialId)!.push(row.monumentId);
    return materialIds.map((id) => byMaterial.get(id)!);
  });
}
