import { testToken } from '@rz/test-support';
import type { RunningGateway } from '../http/server';
import { startStubSubgraphs, type StubSubgraphs } from '../testing/stub-subgraphs';
import { startTestGateway } from '../testing/test-gateway';

const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A valid token's header and payload under another token's signature. */
async function badSignature(): Promise<string> {
  const [header, payload] = (await testToken({ roles: ['admin'], subject: 'sig-a' })).split('.');
  const signature = (await testToken({ roles: ['citizen'], subject: 'sig-b' })).split('.')[2];
  return `${header}.${payload}.${signature}`;
}

const now = () => Math.floor(Date.now() / 1000);

const badTokens: [string, () => Promise<string>, string][] = [
  ['unsigned (alg: none)', async () => `Bearer ${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'x', roles: ['admin'], exp: now() + 60, iat: now() })}.`, 'INVALID'],
  ['garbage', async () => 'Bearer not-a-token', 'INVALID'],
  ['not a bearer header', async () => 'Basic dXNlcjpwYXNz', 'MALFORMED_HEADER'],
  ['with a bad signature', async () => `Bearer ${await badSignature()}`, 'BAD_SIGNATURE'],
  ['expired', async () => `Bearer ${await testToken({ roles: ['citizen'], expiresIn: '-5m' })}`, 'EXPIRED'],
  ['for another audience', async () => `Bearer ${await testToken({ roles: ['citizen'], audience: 'someone-else' })}`, 'WRONG_AUDIENCE'],
  ['from another issuer', async () => `Bearer ${await testToken({ roles: ['citizen'], issuer: 'someone-else' })}`, 'WRONG_ISSUER'],
  ['valid for longer than allowed', async () => `Bearer ${await testToken({ roles: ['citizen'], expiresIn: '400d' })}`, 'LIFETIME_TOO_LONG'],
  ['for an empty subject', async () => `Bearer ${await testToken({ roles: ['citizen'], subject: '' })}`, 'NO_SUBJECT'],
];

describe('tokens at the gateway (HTTP)', () => {
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
    stub.respond = () => ({ data: { monuments: { totalCount: 3 } } });
  });

  const post = async (query: string, authorization?: string) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  };

  it.each(badTokens)('refuses a token %s with 401 UNAUTHENTICATED and its reason, whatever the query', async (_case, header, reason) => {
    const authorization = await header();
    for (const query of ['{ __typename }', '{ monuments { totalCount } }']) {
      const res = await post(query, authorization);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason });
    }
    expect(stub.requests).toEqual([]);
  });

  it('serves a request without a token as anonymous, and one with a valid token, as before', async () => {
    expect(await post('{ __typename }')).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
    const valid = `Bearer ${await testToken({ roles: ['citizen'], subject: 'token-ok' })}`;
    expect(await post('{ monuments { totalCount } }', valid)).toMatchObject({ status: 200, body: { data: { monuments: { totalCount: 3 } } } });
    expect(stub.requests.map((r) => r.subgraph)).toEqual(['rukhani-qazyna']);
  });
});
