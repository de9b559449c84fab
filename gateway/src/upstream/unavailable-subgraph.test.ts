import { parse, type OperationDefinitionNode } from 'graphql';
import type { RunningGateway } from '../http/server';
import { select, startStubSubgraphs, type StubSubgraphs } from '../testing/stub-subgraphs';
import { startTestGateway } from '../testing/test-gateway';
import { UNAVAILABLE_MESSAGE } from './unavailable-subgraph';

/**
 * The real gateway in process, in front of stub subgraphs that answer whatever they are asked
 * (a superset of every field the queries below select), one of which is down (hangs up).
 */
const territory = (code: string) => ({
  __typename: 'Territory',
  code,
  events: { totalCount: 2 },
  qrCoverage: { share: 0.5 },
  complaints: { totalCount: 3 },
});

function answer(body: { query?: string; variables?: Record<string, unknown> }, monumentName: string | null = 'Baiterek') {
  const representations = (body.variables?.representations ?? []) as { __typename: string; id: string }[];
  const monument = (id: string) => ({ __typename: 'Monument', id, name: monumentName });
  const source = {
    _entities: representations.map((r) => ({ ...r, events: [{ __typename: 'Event', id: `event-of-${r.id}` }] })),
    territory: territory('750000000'),
    regions: [territory('710000000'), territory('750000000')],
    monuments: { nodes: [monument('m1'), monument('m2')] },
  };
  const operation = parse(body.query ?? '{ __typename }').definitions[0] as OperationDefinitionNode;
  return { data: select(source, operation.selectionSet) };
}

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
}

describe('one subgraph down: partial data with coded, located errors', () => {
  let stub: StubSubgraphs;
  let gateway: RunningGateway;
  let production: RunningGateway;
  let down: string | null = null;
  beforeAll(async () => {
    stub = await startStubSubgraphs();
    gateway = await startTestGateway(stub.url);
    production = await startTestGateway(stub.url, { NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await production?.stop();
    await stub?.close();
  });
  beforeEach(() => {
    down = null;
    stub.requests.length = 0;
    stub.respond = (subgraph, body) => (subgraph === down ? 'hang-up' : answer(body));
  });

  /** The answer, its errors cut down to message, path and code (development adds a stack and the service). */
  const post = async (query: string, to: RunningGateway = gateway): Promise<Answer> => {
    const response = await fetch(to.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as Answer['body'];
    const errors = body.errors?.map(({ message, path, extensions }) => ({ message, ...(path ? { path } : {}), extensions: { code: extensions?.code } }));
    return { status: response.status, body: { ...body, ...(errors ? { errors } : {}) } };
  };
  // The subgraph is named for the reader only: the error names none.
  const unavailable = (_subgraph: string, path: (string | number)[]) => ({
    message: UNAVAILABLE_MESSAGE,
    path,
    extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
  });

  const TERRITORY = '{ territory(code: "750000000") { code events(first: 1) { totalCount } qrCoverage { share } } }';

  it('keeps the territory and the other subgraphs\' fields when tarbie-bilim is down; events is null with its error', async () => {
    down = 'tarbie-bilim';
    const res = await post(TERRITORY);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ territory: { code: '750000000', events: null, qrCoverage: { share: 0.5 } } });
    expect(res.body.errors).toEqual([unavailable('tarbie-bilim', ['territory', 'events'])]);
  });

  it('asks another subgraph for the shared fields (code) when the one planned for them is down', async () => {
    down = 'rukhani-qazyna';
    const res = await post(TERRITORY);
    expect(res.body.data).toEqual({ territory: { code: '750000000', events: { totalCount: 2 }, qrCoverage: null } });
    expect(res.body.errors).toEqual([unavailable('rukhani-qazyna', ['territory', 'qrCoverage'])]);
    // tarbie-bilim was asked twice: for events, then for the code in rukhani-qazyna's place.
    const asked = stub.requests.filter((r) => r.subgraph === 'tarbie-bilim').map((r) => r.body.query?.replace(/\s+/g, ' '));
    expect(asked).toHaveLength(2);
    expect(asked[1]).toMatch(/territory\(code: .*\) \{ code \}/);
  });

  it('points at each item of a list: regions with tarbie-bilim down', async () => {
    down = 'tarbie-bilim';
    const res = await post('{ regions { code events(first: 1) { totalCount } qrCoverage { share } } }');
    expect(res.body.data.regions).toEqual([
      { code: '710000000', events: null, qrCoverage: { share: 0.5 } },
      { code: '750000000', events: null, qrCoverage: { share: 0.5 } },
    ]);
    expect(res.body.errors).toEqual([unavailable('tarbie-bilim', ['regions', 0, 'events']), unavailable('tarbie-bilim', ['regions', 1, 'events'])]);
  });

  it('points at each entity\'s field: monuments with their events, tarbie-bilim down', async () => {
    down = 'tarbie-bilim';
    const res = await post('{ monuments(first: 2) { nodes { id name events { id } } } }');
    expect(res.body.data).toEqual({
      monuments: {
        nodes: [
          { id: 'm1', name: 'Baiterek', events: null },
          { id: 'm2', name: 'Baiterek', events: null },
        ],
      },
    });
    expect(res.body.errors).toEqual([unavailable('tarbie-bilim', ['monuments', 'nodes', 0, 'events']), unavailable('tarbie-bilim', ['monuments', 'nodes', 1, 'events'])]);
    down = null;
    expect((await post('{ monuments(first: 2) { nodes { id events { id } } } }')).body).toEqual({
      data: { monuments: { nodes: [{ id: 'm1', events: [{ id: 'event-of-m1' }] }, { id: 'm2', events: [{ id: 'event-of-m2' }] }] } },
    });
  });

  it('reports the owner of a root field down at that field', async () => {
    down = 'rukhani-qazyna';
    const res = await post('{ monuments(first: 2) { nodes { id } } }');
    expect(res.body.data).toBeNull();
    expect(res.body.errors).toEqual([unavailable('rukhani-qazyna', ['monuments'])]);
  });

  it('keeps the path, the code and the message in production', async () => {
    down = 'tarbie-bilim';
    const res = await post(TERRITORY, production);
    expect(res.body.data).toEqual({ territory: { code: '750000000', events: null, qrCoverage: { share: 0.5 } } });
    expect(res.body.errors).toEqual([unavailable('tarbie-bilim', ['territory', 'events'])]);
  });

  it('reports a null a subgraph gave for a non-null field as an error with its path, never data: null alone', async () => {
    stub.respond = (_subgraph, body) => answer(body, null);
    const query = '{ monuments(first: 2) { nodes { id name } } }';
    const developed = await post(query);
    expect(developed.body.data).toBeNull();
    expect(developed.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Monument.name/), path: ['monuments', 'nodes', 0, 'name'] });
    const masked = await post(query, production);
    expect(masked.body.data).toBeNull();
    expect(masked.body.errors?.[0]).toEqual({ message: 'Internal server error', path: ['monuments', 'nodes', 0, 'name'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify([developed, masked])).not.toMatch(/valueCompletion/);
  });
});
