import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSubgraphClient } from './subgraph-client';

/**
 * The "socket hang up" race: a client reuses an idle socket just as the server closes
 * it. Our client must give up idle sockets before a stock Node server (5 s) does.
 */
describe('subgraph client', () => {
  let server: Server;
  let url: string;
  let connections = 0;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'max-age=5, public');
        res.end(JSON.stringify({ data: { got: body, secret: req.headers['x-gateway-secret'] ?? null } }));
      });
    });
    server.keepAliveTimeout = 5_000; // Node's default, stated for clarity
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('posts the body with the headers and returns status, content type, cache control and body', async () => {
    const { send, close } = createSubgraphClient();
    expect(await send(url, { 'content-type': 'application/json', 'x-gateway-secret': 's' }, '{"query":"{a}"}')).toEqual({
      status: 200,
      contentType: 'application/json',
      cacheControl: 'max-age=5, public',
      body: JSON.stringify({ data: { got: '{"query":"{a}"}', secret: 's' } }),
    });
    await close();
  });

  it('asks each subgraph for /health when warmed (a socket, and undici\'s parser, ready before the first operation)', async () => {
    const { warm, close } = createSubgraphClient();
    requests.length = 0;
    warm([url]);
    while (!requests.length) await sleep(10);
    expect(requests).toEqual(['HEAD /health']);
    await close();
  });

  it('reuses a socket for back-to-back requests', async () => {
    const { send, close } = createSubgraphClient({ keepAliveMs: 1_000 });
    connections = 0;
    for (let i = 0; i < 10; i += 1) await send(url, {}, '{}');
    // undici may open a second socket while the first is being returned to its pool; never one per request.
    expect(connections).toBeLessThanOrEqual(2);
    await close();
  });

  it('drops an idle socket itself before the server would, so a later request opens a fresh one', async () => {
    const { send, close } = createSubgraphClient({ keepAliveMs: 500 });
    connections = 0;
    await send(url, {}, '{}');
    await sleep(900);
    expect((await send(url, {}, '{}')).status).toBe(200);
    expect(connections).toBe(2);
    await close();
  });

  it('defaults to an idle timeout below the 5 s Node servers use', async () => {
    const { send, close } = createSubgraphClient();
    connections = 0;
    await send(url, {}, '{}');
    await sleep(4_300);
    await send(url, {}, '{}');
    expect(connections).toBe(2);
    await close();
  });
});
