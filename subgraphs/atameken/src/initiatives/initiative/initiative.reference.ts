import type { InitiativeEntity } from './initiative.entity';
import { InitiativeService } from './initiative.service';
import type { AtamekenContext } from '../../context';

export const initiativeReferenceResolver = {
  Initiative: {
    __resolveReference(reference: { id: string }, ctx: AtamekenContext): Promise<InitiativeEntity | null> {
      return new InitiativeService(ctx).byId(reference.id);
    },
  },
};
