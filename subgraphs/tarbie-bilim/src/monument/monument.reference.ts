import { keyReferenceResolvers } from '@rz/schema';

/** Any id is accepted: rukhani-qazyna decides whether the monument exists. */
export const monumentReferenceResolver = keyReferenceResolvers('Monument');
