import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, graphql } from 'graphql';

/**
 * For subgraph tests: a real GraphQL server standing in for the gateway where media
 * items' subjects are checked (GATEWAY_URL). It knows the initiatives, monuments and
 * events a test registers; any other id is not found, as the gateway would answer.
 */
export interface StubGateway {
  url: string;
  known: { initiative: Set<string>; monument: Set<string>; event: Set<string> };
  close(): Promise<void>;
}

const schema = buildSchema(`
  type Record { id: ID! }
  type Query { initiative(id: ID!): Record  monument(id: ID!): Record  event(id: ID!): Record }
`);

export async function startStubGateway(): Promise<StubGateway> {
  const known: StubGateway['known'] = { initiative: new Set(), monument: new Set(), event: new Set() };
  const find = (ids: Set<string>) => ({ id }: { id: string }) => (ids.has(id.toLowerCase()) ? { id } : null);
  const rootValue = { initiative: find(known.initiative), monument: find(known.monument), event: find(known.event) };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      const { query, variables } = JSON.parse(raw || '{}') as { query: string; variables?: Record<string, unknown> };
      const result = await graphql({ schema, source: query, variableValues: variables, rootValue });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    known,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
