import { createTestDatabase, testToken, type TestDatabase } from '@rz/test-support';
import type { RunningGateway } from '../http/server';
import { startTestGateway } from '../testing/test-gateway';
import { startStubSubgraphs, type StubSubgraphs } from '../testing/stub-subgraphs';

/**
 * The real gateway, in process, in front of a stub that stands in for every
 * subgraph and counts what reaches it: a refused operation must reach nothing.
 */

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

async function post(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

const nest = (levels: number) => `{ territory(code: "750000000") { ${'parent { '.repeat(levels)}code${' }'.repeat(levels)} } }`;

describe('abusive operations are refused at the gateway, before any subgraph', () => {
  let stub: StubSubgraphs;
  let gateway: RunningGateway;
  beforeAll(async () => {
    stub = await startStubSubgraphs();
    gateway = await startTestGateway(stub.url);
  });
  afterAll(async () => {
    await gateway?.stop();
    await stub?.close();
  });
  beforeEach(() => {
    stub.requests.length = 0;
    stub.respond = (_subgraph, body) =>
      body.query?.includes('monuments') ? { data: { monuments: { totalCount: 3 } } } : { data: null };
  });

  it('lets an ordinary query through to its subgraph (the stub is reachable)', async () => {
    const res = await post(gateway.url, { query: '{ monuments { totalCount } }' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ monuments: { totalCount: 3 } });
    expect(stub.requests.map((r) => r.subgraph)).toEqual(['rukhani-qazyna']);
  });

  it('accepts a query at the limits: depth 10, 30 aliases, first: 500', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: monuments(first: ${i + 1}) { totalCount }`).join(' ');
    // Depth 10 (territory + 8 parents + code) and 30 aliases are allowed; nothing is refused before the subgraphs.
    for (const query of [nest(8), `{ ${aliases} }`, '{ monuments(first: 500) { totalCount } }']) {
      const res = await post(gateway.url, { query });
      expect(res.body.errors?.find((e) => e.extensions?.limit)).toBeUndefined();
    }
    expect(stub.requests.length).toBeGreaterThan(0);
  });

  const refused: [string, () => unknown, string, string][] = [
    ['too deep', () => ({ query: nest(9) }), 'GRAPHQL_VALIDATION_FAILED', 'maxDepth'],
    [
      'too many aliases',
      () => ({ query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: regions { code }`).join(' ')} }` }),
      'GRAPHQL_VALIDATION_FAILED',
      'maxAliases',
    ],
    [
      'too many directives',
      () => ({ query: `{ regions { code ${'@include(if: true) '.repeat(21)} } }` }),
      'GRAPHQL_VALIDATION_FAILED',
      'maxDirectives',
    ],
    [
      'too costly',
      // Static cost: 2 levels of literal page sizes multiply (300 x 200 x ...), though each page is allowed.
      () => ({ query: '{ monuments(first: 300) { nodes { territory { monuments(first: 200) { totalCount } } } } }' }),
      'GRAPHQL_VALIDATION_FAILED',
      'maxCost',
    ],
    ['a page over 500', () => ({ query: '{ monuments(first: 501) { totalCount } }' }), 'BAD_USER_INPUT', 'maxPageSize'],
    [
      'a page over 500 through a variable',
      () => ({ query: 'query($n: Int!) { complaints(first: $n) { totalCount } }', variables: { n: 100_000 } }),
      'BAD_USER_INPUT',
      'maxPageSize',
    ],
    [
      'a page over 500 through a variable default',
      () => ({ query: 'query($n: Int! = 501) { events(first: $n) { totalCount } }' }),
      'BAD_USER_INPUT',
      'maxPageSize',
    ],
    [
      'too many rows through variables (armor cannot see them)',
      () => ({
        query: 'query($a: Int!, $b: Int!) { monuments(first: $a) { nodes { territory { monuments(first: $b) { totalCount } } } } }',
        variables: { a: 500, b: 500 },
      }),
      'GRAPHQL_VALIDATION_FAILED',
      'maxPagedRows',
    ],
    [
      'too many rows through unpaged lists',
      () => ({ query: '{ regions { children { children { monuments(first: 500) { totalCount } } } } }' }),
      'GRAPHQL_VALIDATION_FAILED',
      'maxPagedRows',
    ],
  ];

  it.each(refused)('refuses %s with a coded 400 and calls no subgraph', async (_case, payload, code, limit) => {
    const res = await post(gateway.url, payload());
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code, limit });
    expect(res.body.errors?.[0].message).not.toMatch(/^Syntax Error/);
    expect(stub.requests).toEqual([]);
  });

  it('refuses a document past the token limit as a parse error', async () => {
    const res = await post(gateway.url, { query: `{ ${'regions { code } '.repeat(800)} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.body.errors?.[0].message).toMatch(/tokens/);
    expect(stub.requests).toEqual([]);
  });

  it('answers an oversized body with 413 and a JSON GraphQL error', async () => {
    const res = await post(gateway.url, { query: 'query($t: String) { regions { code } }', variables: { t: 'x'.repeat(300 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(stub.requests).toEqual([]);
  });

  it('answers malformed JSON with 400 and a JSON GraphQL error', async () => {
    const res = await post(gateway.url, '{"query": "{ regions { code } }"');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(stub.requests).toEqual([]);
  });

  it('refuses an unknown operation name, an ambiguous document and a subscription over HTTP with 400', async () => {
    const unknown = await post(gateway.url, { query: 'query A { regions { code } }', operationName: 'B' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0].extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    const ambiguous = await post(gateway.url, { query: 'query A { regions { code } } query B { regions { code } }' });
    expect(ambiguous.status).toBe(400);
    const subscription = await post(gateway.url, { query: 'subscription { complaintStatusChanged { cursor } }' });
    expect(subscription.status).toBe(400);
    expect(subscription.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(stub.requests).toEqual([]);
  });

  it('passes on a value a subgraph refused (custom scalars) as BAD_USER_INPUT, but not schema drift', async () => {
    const refuse = (message: string, code: string) => () => ({ httpStatus: 400, errors: [{ message, extensions: { code } }] });
    const query = { query: '{ events(filter: { from: "yesterday" }) { totalCount } }' };
    stub.respond = refuse('DateTime cannot represent an invalid date-time-string yesterday.', 'GRAPHQL_VALIDATION_FAILED');
    const literal = await post(gateway.url, query);
    expect(literal.body.errors?.[0]).toMatchObject({ message: 'DateTime cannot represent an invalid date-time-string yesterday.', extensions: { code: 'BAD_USER_INPUT' } });
    stub.respond = refuse('Variable "$a" got invalid value "x"; DateTime cannot represent an invalid date-time-string x.', 'BAD_USER_INPUT');
    expect((await post(gateway.url, query)).body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    stub.respond = refuse('Cannot query field "totalCount" on type "EventConnection".', 'GRAPHQL_VALIDATION_FAILED');
    expect((await post(gateway.url, query)).body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('refuses batched operations and a GET without a CSRF-safe header', async () => {
    const batch = await post(gateway.url, [{ query: '{ regions { code } }' }, { query: '{ regions { code } }' }]);
    expect(batch.status).toBe(400);
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ regions { code } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/i);
    expect(stub.requests).toEqual([]);
  });
});

describe('per-client rate limits', () => {
  let stub: StubSubgraphs;
  let gateway: RunningGateway;
  beforeAll(async () => {
    stub = await startStubSubgraphs();
    stub.respond = () => ({ data: { regions: [] } });
    gateway = await startTestGateway(stub.url, { RATE_LIMIT_REQUESTS: '3', RATE_LIMIT_ANONYMOUS_REQUESTS: '2', RATE_LIMIT_WINDOW_SECONDS: '120' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await stub?.close();
  });

  const query = { query: '{ __typename }' };

  it('keys signed-in callers by their verified subject, with 429, RATE_LIMITED and Retry-After', async () => {
    const alice = { authorization: `Bearer ${await testToken({ roles: ['citizen'], subject: 'rate-alice' })}` };
    const aliceAgain = { authorization: `Bearer ${await testToken({ roles: ['volunteer'], subject: 'rate-alice' })}` };
    const bob = { authorization: `Bearer ${await testToken({ roles: ['citizen'], subject: 'rate-bob' })}` };
    for (let i = 0; i < 3; i += 1) expect((await post(gateway.url, query, i === 1 ? aliceAgain : alice)).status).toBe(200);
    const refused = await post(gateway.url, query, alice);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect(refused.body.errors?.[0].extensions?.retryAfter).toBe(retryAfter);
    // Another subject from the same address is not affected.
    expect((await post(gateway.url, query, bob)).status).toBe(200);
  });

  it('keys anonymous callers and callers with forged tokens by address', async () => {
    const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const forged = (sub: string) => ({ authorization: `Bearer ${encode({ alg: 'none' })}.${encode({ sub })}.` });
    expect((await post(gateway.url, query)).status).toBe(200);
    // A forged token is refused (401) and draws on the address's budget: a fresh subject does not buy a fresh bucket.
    expect((await post(gateway.url, query, forged('someone-1'))).status).toBe(401);
    const refused = await post(gateway.url, query, forged('someone-2'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await post(gateway.url, query)).status).toBe(429);
  });

  it('leaves health checks alone', async () => {
    expect((await fetch(new URL('/health', gateway.url))).status).toBe(200);
  });
});

describe('rate limits shared by gateway replicas (RATE_LIMIT_DATABASE_URL)', () => {
  let stub: StubSubgraphs;
  let database: TestDatabase;
  let replicas: RunningGateway[] = [];
  beforeAll(async () => {
    stub = await startStubSubgraphs();
    stub.respond = () => ({ data: { regions: [] } });
    database = await createTestDatabase();
    const env = { RATE_LIMIT_DATABASE_URL: database.url, RATE_LIMIT_REQUESTS: '4', RATE_LIMIT_WINDOW_SECONDS: '120' };
    replicas = await Promise.all([startTestGateway(stub.url, env), startTestGateway(stub.url, env)]);
  });
  afterAll(async () => {
    for (const gateway of replicas) await gateway.stop();
    await stub?.close();
    await database?.drop();
  });

  it('gives a client one budget across replicas, not one per replica', async () => {
    const carol = { authorization: `Bearer ${await testToken({ roles: ['citizen'], subject: 'rate-carol' })}` };
    const query = { query: '{ __typename }' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post(replicas[i % 2].url, query, carol)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const dave = { authorization: `Bearer ${await testToken({ roles: ['citizen'], subject: 'rate-dave' })}` };
    expect((await post(replicas[1].url, query, dave)).status).toBe(200);
  });
});

describe('production mode', () => {
  let stub: StubSubgraphs;
  let gateway: RunningGateway;
  beforeAll(async () => {
    stub = await startStubSubgraphs();
    gateway = await startTestGateway(stub.url, { NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await stub?.close();
  });

  it('refuses persisted-query requests (automatic persisted queries are off)', async () => {
    const res = await post(gateway.url, { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(res.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    expect(stub.requests).toEqual([]);
  });

  it('refuses introspection and serves no IDE', async () => {
    const res = await post(gateway.url, { query: '{ __schema { types { name } } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].message).toMatch(/introspection/i);
    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    expect((await fetch(new URL('/ide/graphiql.js', gateway.url))).status).toBe(404);
  });

  it('hides schema hints in validation errors', async () => {
    const res = await post(gateway.url, { query: '{ monument { id } regionz { code } }' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/Did you mean/);
  });

  it('masks internal errors (stack traces, SQL) but keeps coded errors with their field', async () => {
    stub.respond = (subgraph) =>
      subgraph === 'rukhani-qazyna'
        ? {
            data: null,
            errors: [
              {
                message: 'relation "rukhani_qazyna.monument" does not exist: SELECT * FROM monument WHERE id = $1',
                extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['QueryFailedError: relation ...', '    at PostgresQueryRunner.query'] },
              },
            ],
          }
        : {
            data: null,
            errors: [{ message: 'Unknown KATO code 123456789', path: ['complaints'], extensions: { code: 'BAD_USER_INPUT', field: 'filter.territory' } }],
          };
    const internal = await post(gateway.url, { query: '{ monuments { totalCount } }' });
    const text = JSON.stringify(internal.body);
    expect(text).not.toMatch(/relation|SELECT|stacktrace|QueryFailedError|rukhani/);
    expect(internal.body.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });

    const coded = await post(gateway.url, { query: '{ complaints(filter: { territory: "123456789" }) { totalCount } }' });
    expect(coded.body.errors?.[0]).toMatchObject({
      message: 'Unknown KATO code 123456789',
      extensions: { code: 'BAD_USER_INPUT', field: 'filter.territory' },
    });
    expect(JSON.stringify(coded.body)).not.toMatch(/stacktrace|serviceName/);
  });
});
