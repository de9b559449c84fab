import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsEndpoint, metricsServed } from './metrics-endpoint';
import { ServiceMetrics } from './service-metrics';

describe('/metrics', () => {
  const token = 'a-metrics-token-of-at-least-32-chars';
  const metrics = new ServiceMetrics();
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const handler = metricsEndpoint({ metrics, token, production: true });
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers only the bearer token it was given', async () => {
    for (const authorization of [undefined, 'Bearer wrong', token, `Bearer ${token}x`]) {
      const res = await fetch(url, { headers: authorization ? { authorization } : {} });
      expect([authorization, res.status]).toEqual([authorization, 401]);
    }
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await res.text();
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'rz_websocket_open']) expect(body).toContain(`# TYPE ${name} `);
  });

  it('is not served in production without a token, and open elsewhere', () => {
    expect(metricsServed({ production: true })).toBe(false);
    expect(metricsServed({ production: true, token })).toBe(true);
    expect(metricsServed({ production: false })).toBe(true);
  });

  it('keeps at most 200 operation names, the rest as other', () => {
    const m = new ServiceMetrics();
    for (let i = 0; i < 250; i += 1) m.observeOperation({ operationName: `Op${i}`, operationType: 'query', outcome: 'ok' }, 0.01);
    m.observeOperation({ operationName: 'not a name!', operationType: 'query', outcome: 'ok' }, 0.01);
    return m.render().then(({ body }) => {
      const names = new Set([...body.matchAll(/rz_graphql_operations_total\{operation_name="([^"]+)"/g)].map((x) => x[1]));
      expect(names.size).toBe(201);
      expect(names.has('other')).toBe(true);
      expect(names.has('Op249')).toBe(false);
    });
  });
});
