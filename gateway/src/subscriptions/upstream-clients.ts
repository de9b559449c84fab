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

/**
 * graphql-ws clients to subgraphs, one per (subgraph, caller credentials): a socket
 * carries every subscription of that caller, and graphql-ws reconnects and
 * resubscribes by itself after a subgraph restart.
 */
export class UpstreamClients implements UpstreamSource {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly options: UpstreamClientOptions = {}) {}

  get(url: string, authorization: string | undefined): Client {
    const key = `${url}\n${authorization ?? ''}`;
    let client = this.clients.get(key);
    if (!client) {
      const maxWait = this.options.maxRetryWaitMs ?? 2_000;
      client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { ...this.options.connectionParams, ...(authorization ? { authorization } : {}) },
        lazy: true,
        lazyCloseTimeout: this.options.lazyCloseTimeoutMs ?? 5_000,
        // A subgraph restart must never end a dashboard's stream: keep trying.
        retryAttempts: Number.MAX_SAFE_INTEGER,
        shouldRetry: () => true,
        retryWait: (retries) => sleep(Math.min(maxWait, 100 * 2 ** retries)),
        keepAlive: 10_000,
      });
      this.clients.set(key, client);
    }
    return client;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.dispose()));
    this.clients.clear();
  }
}
