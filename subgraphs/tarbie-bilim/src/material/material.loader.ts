import { byIdLoader, type SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LocalHistoryMaterialMonumentEntity } from './material-monument.entity';
import { LocalHistoryMaterialEntity } from './material.entity';

export const materialByIdLoader = byIdLoader(LocalHistoryMaterialEntity);

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
