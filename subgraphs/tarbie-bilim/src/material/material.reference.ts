import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { LocalHistoryMaterialEntity } from './material.entity';
import { MaterialService } from './material.service';

export const materialReferenceResolver = {
  LocalHistoryMaterial: {
    __resolveReference(reference: { id: string }, ctx: SubgraphContext): Promise<LocalHistoryMaterialEntity | null> {
      return new MaterialService(ctx).byId(reference.id);
    },
  },
};
