import { setTimeout as sleep } from 'node:timers/promises';
import { gql, startTestSystem, subscribe, testToken, wsClient, type TestSystem } from '@rz/test-support';

const METRICS_TOKEN = 'e2e-metrics-token-0123456789abcdef';

const REGION_PANEL = `query RegionPanel($code: ID!) {
  territory(code: $code) { name(lang: EN) monuments(first: 3) { totalCount } complaints(first: 3) { totalCount } }
}`;

/** Sum of the samples of `name` whose labels include `labels` (Prometheus text format). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? ([0-9.e+-]+|NaN)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) sum += Number(match[3]);
  }
  return sum;
}

/** Metrics and request logs of the real processes, under load, over real HTTP. */
describe('metrics and request logs', () => {
  let system: TestSystem;
  let officer: string;
  const gatewayMetrics = async () => {
    const res = await fetch(new URL('/metrics', system.gatewayUrl), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    return res.text();
  };
  const subgraphMetrics = async (name: 'atameken' | 'rukhani-qazyna') => (await fetch(`http://127.0.0.1:${system.subgraphPorts[name]}/metrics`)).text();

  beforeAll(async () => {
    system = await startTestSystem({
      gatewayEnv: { METRICS_TOKEN, LOG_LEVEL: 'info', RATE_LIMIT_ANONYMOUS_REQUESTS: '5' },
      subgraphEnv: { LOG_LEVEL: 'info' },
    });
    officer = await testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'metrics-officer' });
  }, 180_000);
  afterAll(() => system?.close());

  it('keeps the caller’s request id, returns it, and logs it in the gateway and the subgraphs it called', async () => {
    const res = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}`, 'x-request-id': 'e2e-request-0001' },
      body: JSON.stringify({ query: REGION_PANEL, variables: { code: '750000000' }, operationName: 'RegionPanel' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('e2e-request-0001');
    await res.text();
    await sleep(200); // the child's stdout reaches us asynchronously
    const lineOf = (service: 'gateway' | 'atameken' | 'rukhani-qazyna') =>
      system.services.get(service)!.tail().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).find((l) => l.msg === 'request' && l.requestId === 'e2e-request-0001');
    expect(lineOf('gateway')).toMatchObject({ route: '/graphql', status: 200, operationName: 'RegionPanel', operationType: 'query', outcome: 'ok', durationMs: expect.any(Number) });
    for (const subgraph of ['atameken', 'rukhani-qazyna'] as const) expect(lineOf(subgraph)).toMatchObject({ route: '/graphql', status: 200, operationType: 'query' });
    const gatewayLog = system.services.get('gateway')!.tail();
    expect(gatewayLog).not.toContain(officer);
    expect(gatewayLog).not.toMatch(/"time":[^}]*"time":/);
  });

  it('requires the metrics token on the gateway', async () => {
    expect((await fetch(new URL('/metrics', system.gatewayUrl))).status).toBe(401);
  });

  it('counts operations, latency and subgraph fetches under load', async () => {
    const before = await gatewayMetrics();
    const atamekenBefore = await subgraphMetrics('atameken');
    const load = 40;
    // Four regions at a time: identical queries in flight would share one execution and one fetch.
    const regions = ['750000000', '710000000', '610000000', '100000000'];
    for (let i = 0; i < load; i += 4) {
      await Promise.all(regions.map((code) => gql(system.gatewayUrl, REGION_PANEL, { code }, officer)));
    }
    const after = await gatewayMetrics();
    const moved = (text: string, was: string, name: string, labels: Record<string, string> = {}) => sample(text, name, labels) - sample(was, name, labels);
    const op = { operation_name: 'RegionPanel', operation_type: 'query', outcome: 'ok' };
    expect(moved(after, before, 'rz_graphql_operations_total', op)).toBe(load);
    expect(moved(after, before, 'rz_graphql_operation_duration_seconds_count', op)).toBe(load);
    expect(moved(after, before, 'rz_http_requests_total', { route: '/graphql', status: '200' })).toBe(load);
    expect(moved(after, before, 'rz_http_request_duration_seconds_bucket', { route: '/graphql', le: '+Inf' })).toBe(load);
    for (const subgraph of ['atameken', 'rukhani-qazyna']) {
      expect([subgraph, moved(after, before, 'rz_subgraph_fetch_duration_seconds_count', { subgraph })]).toEqual([subgraph, load]);
    }
    expect(sample(after, 'rz_subgraph_fetch_errors_total')).toBe(0);
    for (const name of ['rz_subgraph_fetches_deduplicated_total', 'rz_subgraph_fetches_merged_total', 'process_cpu_seconds_total', 'process_resident_memory_bytes']) {
      expect(after).toContain(`# TYPE ${name} `);
    }
    const atameken = await subgraphMetrics('atameken');
    expect(moved(atameken, atamekenBefore, 'rz_http_requests_total', { route: '/graphql', status: '200' })).toBe(load);
    expect(moved(atameken, atamekenBefore, 'rz_graphql_operations_total', { operation_type: 'query', outcome: 'ok' })).toBe(load);
    for (const name of ['rz_pg_pool_in_use', 'rz_pg_pool_waiting', 'rz_outbox_pending_events', 'rz_outbox_oldest_event_age_seconds']) expect(atameken).toContain(`# TYPE ${name} gauge`);
    expect(atameken).toContain('# TYPE process_cpu_seconds_total counter');
    // The load is over: every connection is back in the pool, nobody waits.
    expect([sample(atameken, 'rz_pg_pool_in_use'), sample(atameken, 'rz_pg_pool_waiting')]).toEqual([0, 0]);
  });

  it('counts query-limit and rate-limit refusals', async () => {
    const before = await gatewayMetrics();
    const deep = `{ territory(code: "750000000") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } }`;
    const refused = await gql(system.gatewayUrl, deep, {}, officer);
    expect(refused.status).toBe(400);
    // Anonymous callers have 5 requests per window here.
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await gql(system.gatewayUrl, '{ __typename }')).status);
    expect(statuses).toContain(429);
    const after = await gatewayMetrics();
    expect(sample(after, 'rz_query_limit_refusals_total', { limit: 'maxDepth' }) - sample(before, 'rz_query_limit_refusals_total', { limit: 'maxDepth' })).toBe(1);
    expect(sample(after, 'rz_graphql_operations_total', { outcome: 'refused' }) - sample(before, 'rz_graphql_operations_total', { outcome: 'refused' })).toBe(1);
    const throttled = statuses.filter((s) => s === 429).length;
    expect(sample(after, 'rz_limit_refusals_total', { kind: 'request' }) - sample(before, 'rz_limit_refusals_total', { kind: 'request' })).toBe(throttled);
  });

  it('shows open WebSockets, client and upstream subscriptions, and the outbox', async () => {
    const client = wsClient(system.gatewayUrl, officer);
    const query = `subscription($territory: ID) { complaintStatusChanged(territory: $territory) { cursor to } }`;
    const subs = [subscribe(client, query, { territory: '750000000' }), subscribe(client, query, { territory: '750000000' })];
    try {
      let text = '';
      for (let i = 0; i < 50 && sample(text, 'rz_subscriptions_active') < 2; i += 1) {
        await sleep(100);
        text = await gatewayMetrics();
      }
      expect(sample(text, 'rz_websocket_open')).toBe(1);
      expect(sample(text, 'rz_subscriptions_active')).toBe(2);
      // Identical subscriptions share one upstream subscription.
      expect(sample(text, 'rz_upstream_subscriptions_active')).toBe(1);
      const atameken = await subgraphMetrics('atameken');
      expect(sample(atameken, 'rz_outbox_pending_events')).toBe(0);
    } finally {
      subs.forEach((s) => s.dispose());
      await client.dispose();
    }
  });
});
