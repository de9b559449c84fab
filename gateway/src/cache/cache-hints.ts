/**
 * Longest life of a cached answer that reads a type, in seconds (the answer keeps the shortest of
 * its types; types not listed take RESPONSE_CACHE_TTL_SECONDS). Change notices evict answers on
 * every commit, so these bound only what no commit announces: values that move with the clock, and
 * writes that bypass the notices (a replica without RESPONSE_CACHE_DATABASE_URL).
 */
export const CACHE_TTL_SECONDS: Readonly<Record<string, number>> = {
  // The KATO classifier and geography: changed by a release, not by users.
  Territory: 3_600,
  LocalizedText: 3_600,
  AdministrativeCentre: 3_600,
  GeoPoint: 3_600,
  // Overdue flags and counts change when a deadline passes, without a write.
  Complaint: 10,
  ComplaintIndicators: 10,
  ComplaintConnection: 10,
};

/**
 * Subgraphs that read the others through the gateway (project-office reads the other
 * subprogrammes' public figures): an answer from them depends on every subgraph, so a change
 * anywhere evicts it.
 */
export const READS_THROUGH_GATEWAY: readonly string[] = ['project-office'];
