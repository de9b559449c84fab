/** Per-request gateway context: only what subgraph requests need. */
export interface GatewayContext {
  authorization?: string;
  /** The request's id (x-request-id), passed on to every subgraph. */
  requestId?: string;
  /** The caller's Accept-Language and x-lang headers: each subgraph takes its default language from them. */
  acceptLanguage?: string;
  xLang?: string;
  /** The caller's Idempotency-Key: the subgraph of an idempotent mutation returns the first result for a retry. */
  idempotencyKey?: string;
}
