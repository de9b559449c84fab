/**
 * Initiative, Monument and Event belong to other subgraphs; this one adds `mediaCoverage`
 * to them, so it resolves their references to the key alone.
 */
export const mediaCoverageReferenceResolvers = {
  Initiative: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Monument: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Event: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
