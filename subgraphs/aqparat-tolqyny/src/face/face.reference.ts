import type { FaceEntity } from './face.entity';
import { FaceService } from './face.service';
import type { AqparatTolqynyContext } from '../context';

export const faceReferenceResolver = {
  Face: {
    __resolveReference(reference: { id: string }, ctx: AqparatTolqynyContext): Promise<FaceEntity | null> {
      return new FaceService(ctx).visibleById(reference.id);
    },
  },
};
