import { Agent } from 'undici';
import type { SubgraphTransport } from './subgraph-transport';

export interface SubgraphClientOptions {
  /** Idle time after which the gateway closes a pooled socket. Default 4000 ms. */
  keepAliveMs?: number;
  /** Whole-request timeout to a subgraph. Default 30000 ms. */
  timeoutMs?: number;
  /** Sockets per subgraph origin. Default 64. */
  connections?: number;
}

/**
 * POSTs to the subgraphs with undici's `request` (no web streams, no fetch Request/Response objects)
 * over keep-alive sockets that cannot hit the "socket hang up" race: the gateway drops idle sockets
 * (4 s) before a Node server would (5 s by default; ours use 65 s), and undici also honours a shorter
 * `Keep-Alive: timeout` hint from the server. The stock fetcher keeps idle sockets for 15 s.
 */
export function createSubgraphClient(options: SubgraphClientOptions = {}): { send: SubgraphTransport; warm(urls: string[]): void; close(): Promise<void> } {
  const agent = new Agent({
    keepAliveTimeout: options.keepAliveMs ?? 4_000,
    keepAliveMaxTimeout: options.keepAliveMs ?? 4_000,
    connections: options.connections ?? 64,
    headersTimeout: options.timeoutMs ?? 30_000,
    bodyTimeout: options.timeoutMs ?? 30_000,
  });
  const targets = new Map<string, { origin: string; path: string }>();
  const send: SubgraphTransport = async (url, headers, body) => {
    let target = targets.get(url);
    if (!target) {
      const { origin, pathname, search } = new URL(url);
      target = { origin, path: pathname + search };
      targets.set(url, target);
    }
    const response = await agent.request({ ...target, method: 'POST', headers, body });
    const header = (name: string) => {
      const value = response.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    return { status: response.statusCode, contentType: header('content-type'), cacheControl: header('cache-control'), body: await response.body.text() };
  };
  /**
   * Opens a socket to each subgraph at start (a HEAD of its /health), so that undici's HTTP parser is
   * compiled before the first operation rather than during it; a subgraph not up yet is no matter.
   */
  const warm = (urls: string[]) => {
    for (const origin of new Set(urls.map((url) => new URL(url).origin))) {
      agent.request({ origin, path: '/health', method: 'HEAD' }).then(
        (response) => response.body.dump(),
        () => undefined,
      );
    }
  };
  return { send, warm, close: () => agent.close() };
}
