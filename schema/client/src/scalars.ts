/**
 * TypeScript types of the API's custom scalars, as they travel in JSON. Codegen maps each one
 * (codegen.ts), and a test fails when schema/api.graphql gains a scalar that is not listed here.
 */
export const SCALAR_TYPES = {
  /** An instant, ISO 8601 with time zone, e.g. "2026-10-05T04:12:00.000Z" (graphql-scalars DateTimeISO). */
  DateTimeISO: 'string',
  /** A JSON object, e.g. a district report's frozen snapshot of figures (graphql-scalars JSONObject). */
  JSONObject: 'Record<string, unknown>',
} as const;

/** An instant as the API sends it: an ISO 8601 string; parse with `new Date(value)`. */
export type DateTimeISO = string;

/** A JSON object as the API sends it. */
export type JSONObject = Record<string, unknown>;
