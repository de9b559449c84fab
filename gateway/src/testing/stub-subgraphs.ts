import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Kind, type SelectionSetNode } from 'graphql';

/**
 * One HTTP server standing in for every subgraph (`<url>/<name>/graphql`, as
 * `startTestGateway` addresses them): it records what reaches it and answers
 * with `respond` (an `httpStatus` in the answer sets the status; `'hang-up'`
 * closes the connection unanswered, as a dead subgraph would; a promise holds the answer back).
 */
export interface StubSubgraphs {
  url: string;
  requests: { subgraph: string; body: { query?: string; variables?: Record<string, unknown> }; headers: IncomingHttpHeaders }[];
  respond: (subgraph: string, body: { query?: string; variables?: Record<string, unknown> }, headers: IncomingHttpHeaders) => unknown;
  close(): Promise<void>;
}

export async function startStubSubgraphs(): Promise<StubSubgraphs> {
  const stub = {
    requests: [] as StubSubgraphs['requests'],
    respond: (() => ({ data: null })) as StubSubgraphs['respond'],
  };
  const server: Server = createServer((req, res) => {
    // The gateway's warm-up (HEAD /health of each subgraph origin) is no subgraph request.
    if (req.method === 'HEAD') return void res.end();
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      const subgraph = (req.url ?? '').split('/')[1];
      const body = JSON.parse(raw || '{}');
      stub.requests.push({ subgraph, body, headers: req.headers });
      const answer = await stub.respond(subgraph, body, req.headers);
      if (answer === 'hang-up') return req.socket.destroy();
      const { httpStatus = 200, ...json } = answer as { httpStatus?: number };
      res.statusCode = httpStatus;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(stub, {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** The fields a subgraph's query selects, read from `source`: a stub answers only what it is asked. */
export function select(source: unknown, selectionSet: SelectionSetNode | undefined): unknown {
  if (!selectionSet || source === null || typeof source !== 'object') return source;
  if (Array.isArray(source)) return source.map((item) => select(item, selectionSet));
  const out: Record<string, unknown> = {};
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) Object.assign(out, select(source, selection.selectionSet));
    if (selection.kind === Kind.FIELD) {
      out[selection.alias?.value ?? selection.name.value] = select((source as Record<string, unknown>)[selection.name.value], selection.selectionSet);
    }
  }
  return out;
}
