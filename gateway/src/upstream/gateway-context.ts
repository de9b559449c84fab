/** Per-request gateway context: only what subgraph requests need. */
export interface GatewayContext {
  authorization?: string;
}
