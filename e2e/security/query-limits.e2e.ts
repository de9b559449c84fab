import { Agent, fetch as undiciFetch } from 'undici';
import { startTestSystem, type TestSystem, testToken } from '@rz/test-support';
import { tableFingerprints } from './support/database-fingerprint';

/**
 * The limits through the real gateway and subgraphs (built output, separate
 * processes). That a refused operation reaches no subgraph is shown in process
 * by gateway/src/extensions/hardening.test.ts; here a refused mutation writes nothing.
 */
describe('abusive queries and rate limits through the gateway', () => {
  let system: TestSystem;
  const agents: Agent[] = [];
  /** Each test speaks from its own loopback address, so per-address buckets do not mix. */
  const from = (address: string) => {
    const agent = new Agent({ localAddress: address, connections: 4 });
    agents.push(agent);
    return async (payload: unknown, token?: string) => {
      const response = await undiciFetch(system.gatewayUrl, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(payload),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as any };
    };
  };

  beforeAll(async () => {
    system = await startTestSystem();
  }, 180_000);
  afterAll(async () => {
    await Promise.all(agents.map((a) => a.close()));
    await system?.close();
  });

  it('refuses depth, alias, directive, cost, token and page-size abuse with coded 400s', async () => {
    const post = from('127.0.0.10');
    const cases: [unknown, string, string?][] = [
      [{ query: `{ territory(code: "750000000") { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } }` }, 'GRAPHQL_VALIDATION_FAILED', 'maxDepth'],
      [{ query: `{ ${Array.from({ length: 40 }, (_, i) => `r${i}: regions { code }`).join(' ')} }` }, 'GRAPHQL_VALIDATION_FAILED', 'maxAliases'],
      [{ query: `{ regions { code ${'@skip(if: false) '.repeat(25)} } }` }, 'GRAPHQL_VALIDATION_FAILED', 'maxDirectives'],
      [{ query: '{ monuments(first: 500) { nodes { territory { monuments(first: 500) { nodes { id } } } } } }' }, 'GRAPHQL_VALIDATION_FAILED', 'maxCost'],
      [{ query: '{ complaints(first: 501) { totalCount } }' }, 'BAD_USER_INPUT', 'maxPageSize'],
      [{ query: 'query($n: Int!) { initiatives(first: $n) { totalCount } }', variables: { n: 501 } }, 'BAD_USER_INPUT', 'maxPageSize'],
      [{ query: `{ ${'regions { code } '.repeat(1000)} }` }, 'GRAPHQL_PARSE_FAILED'],
    ];
    for (const [payload, code, limit] of cases) {
      const res = await post(payload);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe(code);
      if (limit) expect(res.body.errors[0].extensions.limit).toBe(limit);
    }
  });

  it('allows a page of 500', async () => {
    const res = await from('127.0.0.11')({ query: '{ monuments(first: 500) { totalCount nodes { id } } }' });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('refuses an oversized body with 413 before parsing it', async () => {
    const res = await from('127.0.0.12')({ query: 'query($t: String) { regions { code } }', variables: { t: 'я'.repeat(200_000) } });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('writes nothing for a valid mutation wrapped in a refused operation', async () => {
    const admin = await testToken({ roles: ['admin'], subject: 'e2e-limits-admin' });
    const before = await tableFingerprints(system.database.url);
    const create = (i: number) =>
      `m${i}: createMonument(input: { name: { kk: "Ескерткіш ${i}", ru: "Памятник ${i}" }, type: ARCHITECTURAL, significance: LOCAL, territory: "750000000" }) { id }`;
    const res = await from('127.0.0.13')({ query: `mutation { ${Array.from({ length: 31 }, (_, i) => create(i)).join(' ')} }` }, admin);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.extensions.limit)).toEqual(['maxAliases']);
    expect(await tableFingerprints(system.database.url)).toEqual(before);
  });

  it('limits anonymous clients per address: 429, RATE_LIMITED and Retry-After after 600 requests a minute', async () => {
    const post = from('127.0.0.20');
    const statuses: number[] = [];
    for (let i = 0; i < 600; i += 1) statuses.push((await post({ query: '{ __typename }' })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const refused = await post({ query: '{ __typename }' });
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another address is a fresh client.
    expect((await from('127.0.0.21')({ query: '{ __typename }' })).status).toBe(200);
  });

  it('limits signed-in clients by token subject, wherever they connect from', async () => {
    const token = await testToken({ roles: ['citizen'], subject: 'e2e-rate-subject' });
    const addresses = ['127.0.0.30', '127.0.0.31', '127.0.0.32'].map(from);
    for (let i = 0; i < 600; i += 1) expect((await addresses[i % 3]({ query: '{ __typename }' }, token)).status).toBe(200);
    const refused = await addresses[0]({ query: '{ __typename }' }, token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // The same address with another subject, or anonymously, is still served.
    const other = await testToken({ roles: ['citizen'], subject: 'e2e-rate-other' });
    expect((await addresses[0]({ query: '{ __typename }' }, other)).status).toBe(200);
    expect((await addresses[0]({ query: '{ __typename }' })).status).toBe(200);
  });
});
