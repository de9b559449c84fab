/** Per-request gateway context: only what subgraph requests need. */
export interface GatewayContext {
  authorization?: string;
  /** The request's id (x-request-id), passed on to every subgraph. */
  requestId?: string;
}
