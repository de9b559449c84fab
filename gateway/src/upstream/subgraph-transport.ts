/** A subgraph's answer as received; the body stays text so that every caller sharing it parses its own copy. */
export interface SubgraphAnswer {
  status: number;
  contentType?: string;
  cacheControl?: string;
  body: string;
}

/** Sends one POST to a subgraph. */
export type SubgraphTransport = (url: string, headers: Record<string, string>, body: string) => Promise<SubgraphAnswer>;
