import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKeepAliveFetcher } from './keep-alive-fetcher';

/**
 * The "socket hang up" race: a client reuses an idle socket just as the server closes
 * it. Our fetcher must give up idle sockets before a stock Node server (5 s) does.
 */
describe('keep-alive fetcher', () => {
  let server: Server;
  let url: string;
  let connections = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('{"data":{}}'));
    server.keepAliveTimeout = 5_000; // Node's default, stated for clarity
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reuses a socket for back-to-back requests', async () => {
    const { fetcher, close } = createKeepAliveFetcher({ keepAliveMs: 1_000 });
    connections = 0;
    for (let i = 0; i < 10; i += 1) await (await fetcher(url, { method: 'POST', body: '{}' })).text();
    // undici may open a second socket while the first is being returned to its pool; never one per request.
    expect(connections).toBeLessThanOrEqual(2);
    await close();
  });

  it('drops an idle socket itself before the server would, so a later request opens a fresh one', async () => {
    const { fetcher, close } = createKeepAliveFetcher({ keepAliveMs: 500 });
    connections = 0;
    await (await fetcher(url, { method: 'POST', body: '{}' })).text();
    await sleep(900);
    const response = await fetcher(url, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    await response.text();
    expect(connections).toBe(2);
    await close();
  });

  it('defaults to an idle timeout below the 5 s Node servers use', async () => {
    const { fetcher, close } = createKeepAliveFetcher();
    connections = 0;
    await (await fetcher(url, { method: 'POST', body: '{}' })).text();
    await sleep(4_300);
    await (await fetcher(url, { method: 'POST', body: '{}' })).text();
    expect(connections).toBe(2);
    await close();
  });
});
