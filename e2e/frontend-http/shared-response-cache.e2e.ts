import { SUBGRAPHS, subgraphEnvPrefix } from '@rz/contract';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@rz/gateway';
import { createTestDatabase, startTestSystem, testEnv, testToken, type TestDatabase, type TestSystem } from '@rz/test-support';
import { fileComplaint } from '../live-complaints/complaints.support';

const year = new Date().getUTCFullYear();
const PERIOD = { from: `${year}-01-01`, to: `${year}-12-31` };
const FILED = 'query Filed($from: String!, $to: String!) { territory(code: "750000000") { code complaintIndicators(from: $from, to: $to) { filed } } }';

/**
 * RESPONSE_CACHE=postgres: two gateway replicas (the system's process and one in this process)
 * keep their answers in one PostgreSQL store.
 */
describe('response cache shared by replicas in PostgreSQL', () => {
  let database: TestDatabase;
  let system: TestSystem;
  let replica: RunningGateway;
  let citizen: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const cacheEnv = { RESPONSE_CACHE: 'postgres', RESPONSE_CACHE_DATABASE_URL: database.url, RATE_LIMIT_ENABLED: 'false' };
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
    citizen = await testToken({ roles: ['citizen'], subject: 'shared-cache-citizen' });
  }, 180_000);
  afterAll(async () => {
    await replica?.stop();
    await system?.close();
    await database?.drop();
  });

  const read = async (gatewayUrl: string) => {
    const url = new URL(gatewayUrl);
    url.searchParams.set('query', FILED);
    url.searchParams.set('variables', JSON.stringify(PERIOD));
    const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    const text = await res.text();
    const body = JSON.parse(text) as { data: { territory: { complaintIndicators: { filed: number } } } };
    return { cache: res.headers.get('x-cache'), etag: res.headers.get('etag'), text, filed: body.data.territory.complaintIndicators.filed };
  };

  it('serves an answer one replica stored as a HIT on the other, byte for byte with the same ETag', async () => {
    const first = await read(system.gatewayUrl);
    const other = await read(replica.url);
    expect([first.cache, other.cache]).toEqual(['MISS', 'HIT']);
    expect([other.text, other.etag]).toEqual([first.text, first.etag]);
    expect(replica.responseCache!.statistics().hits).toBeGreaterThan(0);
  });

  it('never shows the other replica a stale answer after a mutation through either', async () => {
    for (const [writer, reader] of [
      [system.gatewayUrl, replica.url],
      [replica.url, system.gatewayUrl],
    ]) {
      const before = await read(reader);
      expect((await read(writer)).cache).toBe('HIT');
      await fileComplaint(writer, citizen, { territory: '751710000' });
      // No wait for a change notice: the writer evicted the shared rows before answering.
      const after = await read(reader);
      expect([after.cache === 'HIT', after.filed]).toEqual([false, before.filed + 1]);
      // The change notice's eviction may land after that read, so only the figure is certain here.
      expect((await read(writer)).filed).toBe(before.filed + 1);
    }
  });
});
