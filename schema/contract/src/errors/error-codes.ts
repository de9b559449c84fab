/**
 * Every error code a client can see. Frontends switch on them, so they are part
 * of the API contract: the subgraphs' domain errors, the gateway's refusals and
 * masking allow-list are all derived from this one table.
 *
 * - `origin`: who raises it. `domain` codes come from subgraph services
 *   (DomainError); `request` codes from GraphQL parsing and validation; `gateway`
 *   codes from the gateway's limits, transport and endpoints; `internal` is what
 *   every other error becomes.
 * - `clientMessage`: the message is written for the client, so production keeps it.
 * - `httpStatus`: the status of a response that fails with this code alone.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: { origin: 'domain', clientMessage: true, httpStatus: 400 },
  NOT_FOUND: { origin: 'domain', clientMessage: true, httpStatus: 404 },
  UNAUTHENTICATED: { origin: 'domain', clientMessage: true, httpStatus: 401 },
  FORBIDDEN: { origin: 'domain', clientMessage: true, httpStatus: 403 },
  INVALID_TRANSITION: { origin: 'domain', clientMessage: true, httpStatus: 409 },
  CONFLICT: { origin: 'domain', clientMessage: true, httpStatus: 409 },
  /** A subscription resume point older than the events kept: reload the current state, then subscribe afresh. */
  CURSOR_EXPIRED: { origin: 'domain', clientMessage: true, httpStatus: 410 },

  GRAPHQL_PARSE_FAILED: { origin: 'request', clientMessage: true, httpStatus: 400 },
  GRAPHQL_VALIDATION_FAILED: { origin: 'request', clientMessage: true, httpStatus: 400 },
  BAD_REQUEST: { origin: 'request', clientMessage: true, httpStatus: 400 },
  OPERATION_RESOLUTION_FAILURE: { origin: 'request', clientMessage: true, httpStatus: 400 },
  PERSISTED_QUERY_NOT_FOUND: { origin: 'request', clientMessage: true, httpStatus: 200 },
  PERSISTED_QUERY_NOT_SUPPORTED: { origin: 'request', clientMessage: true, httpStatus: 200 },
  /** A `documentId` the gateway's trusted-document manifests do not hold. */
  PERSISTED_DOCUMENT_NOT_FOUND: { origin: 'request', clientMessage: true, httpStatus: 400 },
  /** An ad-hoc document (`query`) where this gateway accepts only trusted `documentId`s for the caller. */
  PERSISTED_DOCUMENT_REQUIRED: { origin: 'request', clientMessage: true, httpStatus: 400 },

  RATE_LIMITED: { origin: 'gateway', clientMessage: true, httpStatus: 429 },
  PAYLOAD_TOO_LARGE: { origin: 'gateway', clientMessage: true, httpStatus: 413 },
  UNSUPPORTED_MEDIA_TYPE: { origin: 'gateway', clientMessage: true, httpStatus: 415 },
  RANGE_NOT_SATISFIABLE: { origin: 'gateway', clientMessage: true, httpStatus: 416 },
  /** A subscriber left too many events unread and was disconnected. */
  SLOW_CONSUMER: { origin: 'gateway', clientMessage: true, httpStatus: 200 },
  /** A subgraph could not be reached or failed: the fields it serves are null, each with this error at its path; the rest of the answer stands. */
  SUBGRAPH_UNAVAILABLE: { origin: 'gateway', clientMessage: true, httpStatus: 503 },
  /** The gateway process holds as many subscription connections as it can: retry after `Retry-After` (another replica may have room). */
  SUBSCRIPTIONS_AT_CAPACITY: { origin: 'gateway', clientMessage: true, httpStatus: 503 },
  /** The token a subscription was opened with expired: the subscription ends; resubscribe with a fresh token and the last cursor. */
  TOKEN_EXPIRED: { origin: 'gateway', clientMessage: true, httpStatus: 401 },

  INTERNAL_SERVER_ERROR: { origin: 'internal', clientMessage: false, httpStatus: 500 },
} as const satisfies Record<string, { origin: 'domain' | 'request' | 'gateway' | 'internal'; clientMessage: boolean; httpStatus: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

type CodesOf<Origin> = { [C in ErrorCode]: (typeof ERROR_CODES)[C]['origin'] extends Origin ? C : never }[ErrorCode];

/** Codes a subgraph service may raise. */
export type DomainErrorCode = CodesOf<'domain'>;
/** Codes the gateway raises itself (limits, transport, endpoints). */
export type GatewayErrorCode = CodesOf<'gateway' | 'request' | 'internal'>;

/** Codes whose message production keeps; every other error is masked. */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set(
  (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => ERROR_CODES[code].clientMessage),
);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}
