import type { MonumentEntity } from './monument.entity';
import { MonumentService } from './monument.service';
import type { RukhaniQazynaContext } from '../context';

export const monumentReferenceResolver = {
  Monument: {
    __resolveReference(reference: { id: string }, ctx: RukhaniQazynaContext): Promise<MonumentEntity | null> {
      return new MonumentService(ctx).byId(reference.id);
    },
  },
};
