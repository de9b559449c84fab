import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { ServiceMetrics } from '../metrics/service-metrics';
import { createLogger } from './logger';
import { linkObservation, observationOf, requestLog } from './request-log';

describe('request log', () => {
  const lines: string[] = [];
  const metrics = new ServiceMetrics();
  let server: Server;
  let base: string;
  const forwarded: (string | undefined)[] = [];

  beforeAll(async () => {
    const logger = createLogger('test', 'info', new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
    const log = requestLog({ logger, metrics, routeOf: (path) => (path.startsWith('/graphql') ? '/graphql' : 'other') });
    server = createServer((req, res) =>
      log(req, res, () => {
        forwarded.push(req.headers['x-request-id'] as string | undefined);
        // What the GraphQL plugin does for an operation.
        const observation = observationOf(linkObservation({}, req));
        if (observation && req.url?.startsWith('/graphql')) Object.assign(observation, { graphql: true, operationName: 'RegionPanel', operationType: 'query', outcome: 'partial' });
        res.statusCode = req.url === '/missing' ? 404 : 200;
        res.end('{}');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const lastLine = () => JSON.parse(lines[lines.length - 1]);

  it('keeps a sane incoming x-request-id, returns it and leaves it for forwarding', async () => {
    const res = await fetch(`${base}/graphql?variables=secret`, { headers: { 'x-request-id': 'edge-42.abc', authorization: 'Bearer tok-123' } });
    await res.text();
    expect(res.headers.get('x-request-id')).toBe('edge-42.abc');
    expect(forwarded.at(-1)).toBe('edge-42.abc');
    const line = lastLine();
    expect(line).toMatchObject({ msg: 'request', requestId: 'edge-42.abc', method: 'GET', route: '/graphql', status: 200, operationName: 'RegionPanel', operationType: 'query', outcome: 'partial' });
    expect(line.durationMs).toEqual(expect.any(Number));
    // One `time` key (pino's), nothing from the query string or the headers.
    expect(lines.at(-1)!.match(/"time":/g)).toHaveLength(1);
    expect(lines.at(-1)).not.toMatch(/secret|tok-123|authorization/i);
  });

  it('replaces a missing or insane request id with a new one', async () => {
    for (const sent of [undefined, 'x'.repeat(200), 'a b<script>']) {
      const res = await fetch(`${base}/missing`, { headers: sent ? { 'x-request-id': sent } : {} });
      await res.text();
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(lastLine()).toMatchObject({ requestId: id, route: 'other', status: 404, outcome: 'error' });
    }
  });

  it('counts requests and operations by label', async () => {
    const text = (await metrics.render()).body;
    expect(text).toMatch(/rz_http_requests_total\{method="GET",route="other",status="404"\} 3/);
    expect(text).toMatch(/rz_graphql_operations_total\{operation_name="RegionPanel",operation_type="query",outcome="partial"\} 1/);
    expect(text).toMatch(/rz_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/graphql",status="200"\} 1/);
  });
});
