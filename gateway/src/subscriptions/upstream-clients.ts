import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface UpstreamClientOptions {
  /** Longest wait between reconnection attempts to a subgraph. Default 2000 ms. */
  maxRetryWaitMs?: number;
  /** Keep an idle upstream socket this long before closing it. Default 5000 ms. */
  lazyCloseTimeoutMs?: number;
  /** Sent in every connection_init besides the caller's token (the gateway's shared secret). */
  connectionParams?: Record<string, string>;
}

/** Where shared subscriptions subscribe upstream: graphql-ws clients (below), or a fake in unit tests. */
export interface UpstreamSource {
  get(url: string, authorization: string | undefined): Pick<Client, 'subscribe'>;
}

/** Close codes after which reconnecting cannot help: the subgraph refused the token or the gateway's secret. */
const REFUSED = new Set([4401, 4403]);

interface Entry {
  client: Client;
  active: number;
  idle?: NodeJS.Timeout;
}

/**
 * graphql-ws clients to subgraphs, one per (subgraph, caller credentials): a socket
 * carries every subscription of that caller, and graphql-ws reconnects and
 * resubscribes by itself after a subgraph restart. A client no subscription uses
 * is disposed after `lazyCloseTimeoutMs`, so tokens that come and go leave nothing behind.
 */
export class UpstreamClients implements UpstreamSource {
  private readonly clients = new Map<string, Entry>();

  constructor(private readonly options: UpstreamClientOptions = {}) {}

  /** Upstream clients held (each with its socket while in use). */
  get size(): number {
    return this.clients.size;
  }

  get(url: string, authorization: string | undefined): Pick<Client, 'subscribe'> {
    const key = `${url}\n${authorization ?? ''}`;
    return {
      subscribe: (payload, sink) => {
        const entry = this.entry(key, url, authorization);
        clearTimeout(entry.idle);
        entry.active += 1;
        const dispose = entry.client.subscribe(payload, sink);
        let released = false;
        return () => {
          dispose();
          if (released) return;
          released = true;
          entry.active -= 1;
          if (entry.active === 0) entry.idle = setTimeout(() => this.release(key, entry), this.options.lazyCloseTimeoutMs ?? 5_000).unref();
        };
      },
    };
  }

  async close(): Promise<void> {
    const entries = [...this.clients.values()];
    this.clients.clear();
    entries.forEach((e) => clearTimeout(e.idle));
    await Promise.all(entries.map((e) => e.client.dispose()));
  }

  private release(key: string, entry: Entry): void {
    if (entry.active > 0 || this.clients.get(key) !== entry) return;
    this.clients.delete(key);
    void entry.client.dispose();
  }

  private entry(key: string, url: string, authorization: string | undefined): Entry {
    let entry = this.clients.get(key);
    if (!entry) {
      const maxWait = this.options.maxRetryWaitMs ?? 2_000;
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { ...this.options.connectionParams, ...(authorization ? { authorization } : {}) },
        lazy: true,
        lazyCloseTimeout: this.options.lazyCloseTimeoutMs ?? 5_000,
        // A subgraph restart must never end a dashboard's stream: keep trying, unless the subgraph refused us.
        retryAttempts: Number.MAX_SAFE_INTEGER,
        shouldRetry: (event) => !(typeof event === 'object' && event !== null && REFUSED.has((event as { code?: number }).code ?? 0)),
        // Unreferenced: a retry wait must not keep a stopping process alive.
        retryWait: (retries) => sleep(Math.min(maxWait, 100 * 2 ** retries), undefined, { ref: false }),
        keepAlive: 10_000,
      });
      entry = { client, active: 0 };
      this.clients.set(key, entry);
    }
    return entry;
  }
}
