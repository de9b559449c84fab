import type { MonumentRef } from './monument-ref.type';

/** Any id is accepted: whether the monument exists is rukhani-qazyna's answer, not ours. */
export const monumentReferenceResolver = {
  Monument: {
    __resolveReference(reference: { id: string }): MonumentRef {
      return { id: reference.id };
    },
  },
};
