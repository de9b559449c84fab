import { statementCounter } from '@rz/subgraph-runtime';
import { gql } from './graphql-client';
import type { TestSubgraph } from './subgraph-harness';

/** The page selection the territory-batch tests compare. */
export const PAGE_SELECTION = `totalCount nodes { id } pageInfo { hasNextPage endCursor }`;

export interface TerritoryBatch {
  entities: any[];
  statements: number;
}

/**
 * Territory entities as the gateway asks a subgraph for them (one `_entities` call), and the
 * SQL statements that took. Fails the test on any GraphQL error.
 */
export async function territoryEntities(subgraph: TestSubgraph, codes: string[], fields: string): Promise<TerritoryBatch> {
  const counter = statementCounter(subgraph.db);
  counter.reset();
  const res = await gql(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Territory { ${fields} } } }`, {
    reps: codes.map((code) => ({ __typename: 'Territory', code })),
  });
  expect(res.errors).toBeUndefined();
  return { entities: res.data!._entities, statements: counter.count };
}

/** Asks for `fields` of one territory and of `many`, and expects the same number of statements (no N+1). */
export async function expectStatementsIndependentOfBatchSize(subgraph: TestSubgraph, one: string, many: string[], fields: string): Promise<void> {
  const single = await territoryEntities(subgraph, [one], fields);
  const batch = await territoryEntities(subgraph, many, fields);
  expect(batch.entities).toHaveLength(many.length);
  expect(batch.statements).toBe(single.statements);
}
