import { Kind, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { RunningGateway } from '../http/server';
import { select, startStubSubgraphs, type StubSubgraphs } from '../testing/stub-subgraphs';
import { startTestGateway, subgraphCounter } from '../testing/test-gateway';
import { FetchMerger } from './fetch-merging';

const LIMITS = { maxAliases: 30, maxDirectives: 20, maxTokens: 3_000 };

describe('FetchMerger', () => {
  it('prefixes each fetch\'s root fields, variables and fragments, and splits the answer back with its error paths', () => {
    const merged = new FetchMerger(LIMITS).merge([
      { query: 'query Q__tb__1($representations:[_Any!]!){_entities(representations:$representations){...on Monument{...M}}} fragment M on Monument{id}', variables: { representations: [1] } },
      { query: '{a:territory(code:"1"){code}}' },
    ])!;
    expect(merged.body).toEqual({
      query: 'query Q__tb__1($m0_representations:[_Any!]!){m0__entities:_entities(representations:$m0_representations){...on Monument{...m0_M}}m1_a:territory(code:"1"){code}}fragment m0_M on Monument{id}',
      variables: { m0_representations: [1] },
      operationName: 'Q__tb__1',
    });
    const error = { message: 'no', path: ['m1_a', 'code'] };
    expect(merged.split({ data: { m0__entities: [{ id: 'x' }], m1_a: null }, errors: [error] })).toEqual([
      { data: { _entities: [{ id: 'x' }] } },
      { data: { a: null }, errors: [{ message: 'no', path: ['a', 'code'] }] },
    ]);
    // An error of the whole document, or no data at all: the fetches go one by one.
    expect(merged.split({ data: { m0__entities: [], m1_a: null }, errors: [{ message: 'refused' }] })).toBeNull();
    expect(merged.split({ data: null, errors: [{ message: 'no', path: ['m1_a'] }] })).toBeNull();
  });

  it('does not merge past the subgraphs\' limits, nor anything but queries', () => {
    const aliased = `{${Array.from({ length: 16 }, (_, i) => `a${i}:x`).join(' ')}}`;
    expect(new FetchMerger(LIMITS).merge([{ query: aliased }, { query: aliased }])).toBeNull();
    expect(new FetchMerger({ ...LIMITS, maxAliases: 40 }).merge([{ query: aliased }, { query: aliased }])).not.toBeNull();
    expect(new FetchMerger({ ...LIMITS, maxTokens: 20 }).merge([{ query: '{a b c d e f}' }, { query: '{a b c d e f}' }])).toBeNull();
    expect(new FetchMerger(LIMITS).merge([{ query: 'mutation{a}' }, { query: '{a}' }])).toBeNull();
  });
});

/**
 * Through the real gateway: complaints from atameken, then their monuments' and territories' events from
 * tarbie-bilim, two fetches of one parallel stage of the plan.
 */
describe('fetches of one plan stage to the same subgraph', () => {
  let stub: StubSubgraphs;
  let gateway: RunningGateway;
  let refuseMerged = false;
  let failTerritory = false;
  const QUERY = '{ complaints(first: 2) { nodes { id monument { id events(first: 1) { id } } territory { code events(first: 1) { totalCount } } } } }';
  const complaint = (i: number) => ({ __typename: 'Complaint', id: `c${i}`, monument: { __typename: 'Monument', id: `m${i}` }, territory: { __typename: 'Territory', code: `75000000${i}` } });

  /** Answers any document, merged or not: each root field from its own arguments and variables. */
  function answer(body: { query?: string; variables?: Record<string, unknown> }) {
    const operation = parse(body.query!).definitions[0] as OperationDefinitionNode;
    const fields = operation.selectionSet.selections as FieldNode[];
    if (refuseMerged && fields.length > 1) return { httpStatus: 400, errors: [{ message: 'Too many aliases', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
    const data: Record<string, unknown> = {};
    const errors: { message: string; path: (string | number)[] }[] = [];
    for (const field of fields) {
      const key = field.alias?.value ?? field.name.value;
      if (field.name.value === 'complaints') {
        data[key] = select({ nodes: [complaint(1), complaint(2)] }, field.selectionSet);
        continue;
      }
      const argument = field.arguments![0].value;
      const representations = (argument.kind === Kind.VARIABLE ? body.variables![argument.name.value] : []) as { __typename: string; id?: string; code?: string }[];
      data[key] = representations.map((r, i) => {
        if (r.__typename === 'Monument') return select({ events: [{ id: `event-of-${r.id}` }] }, field.selectionSet);
        if (failTerritory) errors.push({ message: 'Territory events failed', path: [key, i, 'events'] });
        return select({ events: failTerritory ? null : { totalCount: Number(r.code!.slice(-1)) * 10 } }, field.selectionSet);
      });
    }
    return { data, ...(errors.length ? { errors } : {}) };
  }

  beforeAll(async () => {
    stub = await startStubSubgraphs();
    stub.respond = (_subgraph, body) => answer(body);
    gateway = await startTestGateway(stub.url);
  });
  afterAll(async () => {
    await gateway?.stop();
    await stub?.close();
  });
  beforeEach(() => {
    stub.requests.length = 0;
    refuseMerged = false;
    failTerritory = false;
  });

  const post = async () => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    return (await response.json()) as { data?: unknown; errors?: { message: string; path?: unknown[] }[] };
  };
  const merged = () => subgraphCounter(gateway, 'rz_subgraph_fetches_merged_total', 'tarbie-bilim');
  const expected = (territoryEvents: (i: number) => unknown) => ({
    complaints: {
      nodes: [1, 2].map((i) => ({ id: `c${i}`, monument: { id: `m${i}`, events: [{ id: `event-of-m${i}` }] }, territory: { code: `75000000${i}`, events: territoryEvents(i) } })),
    },
  });
  const tarbieBilim = () => stub.requests.filter((r) => r.subgraph === 'tarbie-bilim');

  it('sends them as one request with aliased _entities and gives each its own part', async () => {
    const before = await merged();
    const body = await post();
    expect(body).toEqual({ data: expected((i) => ({ totalCount: i * 10 })) });
    expect(tarbieBilim()).toHaveLength(1);
    expect(tarbieBilim()[0].body.query).toMatch(/m0__entities:_entities\(representations:\$m0_representations\).*m1__entities:_entities\(representations:\$m1_representations\)/);
    expect((await merged()) - before).toBe(1);
  });

  it('keeps each error at its fetch\'s path in the answer', async () => {
    failTerritory = true;
    const body = await post();
    expect(body.data).toEqual(expected(() => null));
    expect(body.errors?.map((e) => e.path)).toEqual([
      ['complaints', 'nodes', 0, 'territory', 'events'],
      ['complaints', 'nodes', 1, 'territory', 'events'],
    ]);
    expect(tarbieBilim()).toHaveLength(1);
  });

  it('sends them one by one when the subgraph refuses the merged document', async () => {
    refuseMerged = true;
    const before = await merged();
    expect(await post()).toEqual({ data: expected((i) => ({ totalCount: i * 10 })) });
    expect(tarbieBilim().map((r) => (r.body.query!.match(/_entities\(/g) ?? []).length)).toEqual([2, 1, 1]);
    expect(await merged()).toBe(before);
  });
});
