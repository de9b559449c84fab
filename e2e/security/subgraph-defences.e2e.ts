import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SubgraphName } from '@rz/contract';
import { launchSystem, type RunningSystem } from '@rz/infra';
import { GATEWAY_SECRET_HEADER } from '@rz/service-kit';
import { createTestDatabase, gql, subscribe, testEnv, testToken, wsClient, type TestDatabase } from '@rz/test-support';
import type { Client } from 'graphql-ws';
import { fileComplaint } from '../live-complaints/complaints.support';

/** The 105-byte query that took 8.3 s and returned 23 MB from tarbie-bilim called directly. */
const NESTED_REGIONS = '{regions{children{children{parent{children{children{parent{children{children{parent{code}}}}}}}}}}}';
const ALIASES_3000 = `{ ${Array.from({ length: 3_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;

/**
 * Subgraphs in production mode behind a gateway that holds their shared secret
 * (built output, separate processes): they answer only the gateway, and apply the
 * gateway's limits themselves.
 */
describe('subgraphs defend themselves', () => {
  const secret = randomBytes(32).toString('hex');
  let database: TestDatabase;
  let system: RunningSystem;
  const clients: Client[] = [];
  const direct = (name: SubgraphName) => `http://127.0.0.1:${system.subgraphPorts[name]}/graphql`;
  const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  };
  const asGateway = { [GATEWAY_SECRET_HEADER]: secret };

  beforeAll(async () => {
    database = await createTestDatabase();
    system = await launchSystem({
      databases: database.subgraphs,
      jwksFile: testEnv().jwksFile,
      evidenceSecret: testEnv().evidenceSecret,
      seedDemo: false,
      nodeEnv: 'test',
      logLevel: 'warn',
      subgraphEnv: { NODE_ENV: 'production', SUBGRAPH_SHARED_SECRET: secret },
      gatewayEnv: { SUBGRAPH_SHARED_SECRET: secret },
    });
  }, 180_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await system?.stop();
    await database?.drop();
  });

  it('answers the gateway, over HTTP and over WebSocket', async () => {
    const regions = await gql(system.gatewayUrl, '{ regions { code } }');
    expect(regions.errors).toBeUndefined();
    expect(regions.data?.regions).toHaveLength(20);
    // A subscription goes upstream over graphql-ws with the secret in connection_init: accepted.
    const client = wsClient(system.gatewayUrl);
    clients.push(client);
    const live = subscribe(client, 'subscription { complaintStatusChanged(territory: "750000000") { to complaint { id } } }');
    const author = await testToken({ roles: ['citizen'], subject: 'author-defences' });
    // As in the live-complaint tests: the upstream subscription starts lazily, after the first message.
    await sleep(500);
    const filed = await fileComplaint(system.gatewayUrl, author, { territory: '751710000' });
    const event = live.find((r) => (r.data as { complaintStatusChanged?: { complaint: { id: string } } } | undefined)?.complaintStatusChanged?.complaint.id === filed);
    expect((await event).errors).toBeUndefined();
  });

  it('refuses a direct call without the secret (401) or with a wrong one (403), coded, over HTTP', async () => {
    const missing = await post(direct('tarbie-bilim'), { query: '{ regions { code } }' });
    expect(missing.status).toBe(401);
    expect(missing.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(missing.body.data).toBeUndefined();
    const wrong = await post(direct('atameken'), { query: '{ regions { code } }' }, { [GATEWAY_SECRET_HEADER]: `${secret.slice(1)}x` });
    expect(wrong.status).toBe(403);
    expect(wrong.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('closes a direct WebSocket without the secret with 4403', async () => {
    const client = wsClient(direct('atameken'));
    clients.push(client);
    const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
    subscribe(client, 'subscription { complaintStatusChanged(territory: "750000000") { cursor } }');
    expect(await closed).toBe(4403);
  });

  it('hides the SDL: no introspection, no _service, no suggestions, for anyone', async () => {
    for (const name of ['tarbie-bilim', 'atameken'] as const) {
      for (const query of ['{ _service { sdl } }', '{ __schema { types { name } } }']) {
        const anonymous = await post(direct(name), { query });
        expect(anonymous.status).toBe(401);
        expect(anonymous.text).not.toMatch(/type Query|"types"/);
      }
      const introspection = await post(direct(name), { query: '{ __schema { types { name } } }' }, asGateway);
      expect(introspection.status).toBe(400);
      expect(introspection.text).not.toMatch(/"types"/);
      const typo = await post(direct(name), { query: '{ regionz { code } }' }, asGateway);
      expect(typo.status).toBe(400);
      expect(typo.text).not.toMatch(/Did you mean|regions/);
    }
  });

  it('refuses the nested regions query and 3,000 aliases before executing them, even with the secret', async () => {
    expect(Buffer.byteLength(NESTED_REGIONS)).toBeLessThanOrEqual(105);
    for (const name of ['tarbie-bilim', 'atameken'] as const) {
      const nested = await post(direct(name), { query: NESTED_REGIONS }, asGateway);
      expect(nested.status).toBe(400);
      expect(nested.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(nested.body.data).toBeUndefined();
      const aliases = await post(direct(name), { query: ALIASES_3000 }, asGateway);
      expect(aliases.status).toBe(400);
      expect(aliases.body.errors?.[0].extensions?.code).toMatch(/GRAPHQL_(PARSE|VALIDATION)_FAILED/);
      expect(aliases.body.data).toBeUndefined();
    }
    const fewAliases = `{ ${Array.from({ length: 40 }, (_, i) => `r${i}: regions { code }`).join(' ')} }`;
    const refused = await post(direct('atameken'), { query: fewAliases }, asGateway);
    expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases' } });
    // The same operation through the gateway is refused there, before any subgraph.
    expect((await gql(system.gatewayUrl, NESTED_REGIONS)).status).toBe(400);
  });

  it('refuses page sizes over the limit and bodies over the size limit, coded', async () => {
    const page = await post(direct('atameken'), { query: '{ complaints(first: 501) { totalCount } }' }, asGateway);
    expect(page.status).toBe(400);
    expect(page.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', limit: 'maxPageSize' });
    const huge = await post(direct('atameken'), { query: `{ __typename } # ${'x'.repeat(2 * 1024 * 1024)}` }, asGateway);
    expect(huge.status).toBe(413);
    expect(huge.body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
