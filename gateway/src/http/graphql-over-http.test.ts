import { serverAudits, type AuditResult } from 'graphql-http';
import type { RunningGateway } from './server';
import { startTestGateway } from '../testing/test-gateway';

/** The audits that send a GET with no header that forces a CORS preflight (see docs/security.md, CSRF). */
const SIMPLE_GET_AUDITS = ['5A70', 'D6D5', '6A70'];

async function audit(fetchFn: typeof fetch, url: string): Promise<AuditResult[]> {
  return Promise.all(serverAudits({ url, fetchFn }).map((a) => a.fn()));
}

const summary = (results: AuditResult[]) =>
  results.filter((r) => r.status !== 'ok').map((r) => ({ id: r.id, status: r.status, reason: 'reason' in r ? r.reason : '' }));

/**
 * graphql-http's server audit (GraphQL over HTTP) against the real gateway over real HTTP.
 * Its queries (`{ __typename }`, `__type`) never reach a subgraph.
 */
describe('GraphQL over HTTP conformance (graphql-http server audit)', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startTestGateway('http://127.0.0.1:9');
  });
  afterAll(() => gateway?.stop());

  it('passes every audit for a client that sends a preflight-forcing header, as browsers of other origins must', async () => {
    const preflighted: typeof fetch = (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'apollo-require-preflight': 'true' } });
    const results = await audit(preflighted, gateway.url);
    expect(results.length).toBeGreaterThanOrEqual(61);
    expect(summary(results)).toEqual([]);
  });

  it('passes every audit as well with the response cache on, run twice so that the second meets a full cache', async () => {
    const cached = await startTestGateway('http://127.0.0.1:9', { RESPONSE_CACHE: 'memory' });
    try {
      const preflighted: typeof fetch = (input, init) =>
        fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'apollo-require-preflight': 'true' } });
      for (let run = 0; run < 2; run += 1) expect(summary(await audit(preflighted, cached.url))).toEqual([]);
      expect(cached.responseCache!.statistics().hits).toBeGreaterThan(0);
      expect(summary(await audit(fetch, cached.url)).map(({ id }) => id)).toEqual(SIMPLE_GET_AUDITS);
    } finally {
      await cached.stop();
    }
  });

  it('deviates only by refusing a simple GET (CSRF prevention), and with a 400 that says why', async () => {
    const results = await audit(fetch, gateway.url);
    expect(summary(results).map(({ id, status }) => ({ id, status }))).toEqual(SIMPLE_GET_AUDITS.map((id) => ({ id, status: 'notice' })));
    const refused = await fetch(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/CSRF/);
  });

  it('answers a GET query with url-encoded variables and extensions as JSON strings, and refuses a mutation over GET', async () => {
    const url = new URL(gateway.url);
    url.searchParams.set('query', 'query Type($name: String!) { __type(name: $name) { name } }');
    url.searchParams.set('variables', JSON.stringify({ name: 'Query' }));
    url.searchParams.set('extensions', JSON.stringify({}));
    const ok = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { __type: { name: 'Query' } } });
    const mutation = new URL(gateway.url);
    mutation.searchParams.set('query', 'mutation { __typename }');
    const refused = await fetch(mutation, { headers: { 'apollo-require-preflight': 'true' } });
    expect(refused.status).toBe(405);
  });

  it.each([
    ['a parse error', '{'],
    ['a validation error', '{ noSuchField }'],
  ])('answers %s with 400 under application/graphql-response+json and 200 under a named application/json', async (_what, query) => {
    const post = (accept: string) =>
      fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query }) });
    const modern = await post('application/graphql-response+json, application/json');
    expect([modern.status, modern.headers.get('content-type')]).toEqual([400, 'application/graphql-response+json; charset=utf-8']);
    expect(await modern.json()).not.toHaveProperty('data');
    const legacy = await post('application/json');
    expect([legacy.status, legacy.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
    expect((await legacy.json()).errors).toHaveLength(1);
    // No Accept header or a wildcard: still a 400, which every client of ours expects for a refusal.
    expect((await post('*/*')).status).toBe(400);
  });

  it('answers variables that do not coerce with 400, or 200 under a named application/json', async () => {
    const post = (accept: string) =>
      fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query: 'query Type($name: String!) { __type(name: $name) { name } }', variables: { name: 1 } }),
      });
    expect((await post('application/graphql-response+json')).status).toBe(400);
    expect((await post('application/json')).status).toBe(200);
  });
});
