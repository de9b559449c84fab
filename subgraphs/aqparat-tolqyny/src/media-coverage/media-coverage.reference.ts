import { keyReferenceResolvers } from '@rz/schema';

/**
 * Initiative, Monument and Event belong to other subgraphs; this one adds `mediaCoverage`
 * to them, so it resolves their references to the key alone.
 */
export const mediaCoverageReferenceResolvers = keyReferenceResolvers('Initiative', 'Monument', 'Event');
