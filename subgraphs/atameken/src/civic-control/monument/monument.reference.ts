import { keyReferenceResolvers } from '@rz/schema';

/** Any id is accepted: whether the monument exists is rukhani-qazyna's answer, not ours. */
export const monumentReferenceResolver = keyReferenceResolvers('Monument');
