import type { MonumentRef } from './monument.type';

/** Any id is accepted: rukhani-qazyna decides whether the monument exists. */
export const monumentReferenceResolver = {
  Monument: {
    __resolveReference(reference: { id: string }): MonumentRef {
      return { id: reference.id };
    },
  },
};
