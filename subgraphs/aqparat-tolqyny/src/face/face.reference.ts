import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { FaceEntity } from './face.entity';
import { FaceService } from './face.service';

export const faceReferenceResolver = {
  Face: {
    __resolveReference(reference: { id: string }, ctx: SubgraphContext): Promise<FaceEntity | null> {
      return new FaceService(ctx).visibleById(reference.id);
    },
  },
};
