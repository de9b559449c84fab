import { once } from 'node:events';
import { SUBGRAPHS, subgraphDbSchema, subgraphEnvPrefix } from '@rz/contract';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@rz/gateway';
import { createTestDatabase, gql, startTestSystem, testEnv, testToken, type TestDatabase, type TestSystem } from '@rz/test-support';
import { fileComplaint } from '../live-complaints/complaints.support';

const year = new Date().getUTCFullYear();
const PERIOD = { from: `${year}-01-01`, to: `${year}-12-31` };
const FILED = 'query Filed($from: String!, $to: String!) { territory(code: "750000000") { code complaintIndicators(from: $from, to: $to) { filed } } }';

/**
 * The response cache of two gateway replicas on one system: the system's own gateway (a process)
 * and one in this process, both LISTENing for the subgraphs' change notices.
 */
describe('response cache for anonymous answers', () => {
  let database: TestDatabase;
  let system: TestSystem;
  let replica: RunningGateway;
  let citizen: string;
  let officer: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const notices = database.subgraphs.find((s) => s.schema === subgraphDbSchema('atameken'))!.url;
    const cacheEnv = { RESPONSE_CACHE: 'memory', RESPONSE_CACHE_DATABASE_URL: notices, RATE_LIMIT_ENABLED: 'false' };
    system = await startTestSystem({ database, seedDemo: false, gatewayEnv: cacheEnv });
    const urls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${subgraphEnvPrefix(name)}URL`, `http://127.0.0.1:${system.subgraphPorts[name]}/graphql`]));
    replica = await startGateway(
      loadGatewayConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        AUTH_JWKS_FILE: testEnv().jwksFile,
        EVIDENCE_SECRET: testEnv().evidenceSecret,
        EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'rz-evidence-')),
        ...urls,
        ...cacheEnv,
      }),
    );
    citizen = await testToken({ roles: ['citizen'], subject: 'cache-citizen' });
    officer = await testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'cache-officer' });
  }, 180_000);
  afterAll(async () => {
    await replica?.stop();
    await system?.close();
    await database?.drop();
  });

  const get = (gatewayUrl: string, headers: Record<string, string> = {}) => {
    const url = new URL(gatewayUrl);
    url.searchParams.set('query', FILED);
    url.searchParams.set('variables', JSON.stringify(PERIOD));
    return fetch(url, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  };
  const filed = async (gatewayUrl: string) => {
    const res = await get(gatewayUrl);
    const body = (await res.json()) as { data: { territory: { complaintIndicators: { filed: number } } } };
    return { cache: res.headers.get('x-cache'), filed: body.data.territory.complaintIndicators.filed };
  };

  it('answers a repeated anonymous GET from the cache, with Cache-Control and an ETag that If-None-Match turns into a 304', async () => {
    const first = await get(system.gatewayUrl);
    expect(first.status).toBe(200);
    const second = await get(system.gatewayUrl);
    expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
    expect(await second.text()).toBe(await first.text());
    const etag = second.headers.get('etag')!;
    expect(etag).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toBe('public, max-age=1, must-revalidate');
    expect(second.headers.get('vary')).toMatch(/Authorization/);
    // As a CDN revalidates (fetch would otherwise add Cache-Control: no-cache, which asks for a full answer).
    const revalidated = await get(system.gatewayUrl, { 'if-none-match': etag, 'cache-control': 'max-age=0' });
    expect([revalidated.status, await revalidated.text()]).toEqual([304, '']);
  });

  it('never serves a signed-in viewer from the cache, and never caches an answer with errors', async () => {
    const signedIn = await get(system.gatewayUrl, { authorization: `Bearer ${officer}` });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('x-cache')).toBeNull();
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    for (let i = 0; i < 2; i += 1) {
      const refused = await gql(system.gatewayUrl, '{ territory(code: "123456789") { code } }');
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const retried = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ territory(code: "123456789") { code } }' }),
    });
    expect(retried.headers.get('x-cache')).toBeNull();
  });

  it('shows a mutation through the same gateway to the very next read', async () => {
    const before = await filed(system.gatewayUrl);
    expect((await filed(system.gatewayUrl)).cache).toBe('HIT');
    await fileComplaint(system.gatewayUrl, citizen, { territory: '751710000' });
    expect(await filed(system.gatewayUrl)).toEqual({ cache: 'MISS', filed: before.filed + 1 });
  });

  it('shows a commit through another replica once its change notice arrives, which is at commit', async () => {
    const before = await filed(replica.url);
    expect((await filed(replica.url)).cache).toBe('HIT');
    const evicted = once(replica.responseCache!, 'evicted');
    await fileComplaint(system.gatewayUrl, citizen, { territory: '751710000' });
    expect(await evicted).toEqual(['atameken']);
    expect(await filed(replica.url)).toEqual({ cache: 'MISS', filed: before.filed + 1 });
  });
});
