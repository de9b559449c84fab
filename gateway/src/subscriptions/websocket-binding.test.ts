import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, parse } from 'graphql';
import { CloseCode, createClient, GRAPHQL_TRANSPORT_WS_PROTOCOL, type Client } from 'graphql-ws';
import WebSocket, { WebSocketServer } from 'ws';
import { serveGraphqlWs, type SocketExtra } from './websocket-binding';

const schema = buildSchema('type Query { a: Int } type Subscription { tick: Int }');

async function start(options: { keepAliveMs?: number; failSubscribe?: boolean } = {}) {
  const server: Server = createServer();
  const wss = new WebSocketServer({ server });
  const errors: unknown[] = [];
  const seen: SocketExtra[] = [];
  const binding = serveGraphqlWs(
    {
      schema,
      onSubscribe: (ctx) => {
        seen.push(ctx.extra);
        if (options.failSubscribe) throw new Error('secret internal detail');
      },
      subscribe: async function* () {
        for (let i = 1; i <= 3; i += 1) yield { data: { tick: i } };
      },
    },
    wss,
    { keepAliveMs: options.keepAliveMs, logger: { error: (...args: unknown[]) => void errors.push(args) } as never },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    errors,
    seen,
    async stop() {
      await binding.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function ticks(client: Client): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const got: number[] = [];
    client.subscribe<{ tick: number }>(
      { query: 'subscription { tick }' },
      { next: (r) => void got.push(r.data!.tick), error: reject, complete: () => resolve(got) },
    );
  });
}

describe('serveGraphqlWs', () => {
  it('runs graphql-ws subscriptions and gives them the client address, not the handshake request', async () => {
    const server = await start();
    const client = createClient({ url: server.url, webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      expect(await ticks(client)).toEqual([1, 2, 3]);
      expect(server.seen).toHaveLength(1);
      expect(server.seen[0].address).toBe('127.0.0.1');
      expect(server.seen[0]).not.toHaveProperty('request');
    } finally {
      await client.dispose();
      await server.stop();
    }
  });

  it('logs an error of the HTTP server that ws passes on, instead of throwing it', async () => {
    const server = await start();
    try {
      // The HTTP server has an error listener of its own, as the gateway's does.
      server.server.on('error', () => undefined);
      expect(() => server.server.emit('error', new Error('listen EADDRINUSE'))).not.toThrow();
      expect(server.errors).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });

  it('terminates a socket that stops answering pings, and keeps one that answers', async () => {
    const server = await start({ keepAliveMs: 240 });
    const open = (autoPong: boolean) =>
      new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(server.url, GRAPHQL_TRANSPORT_WS_PROTOCOL, { autoPong });
        socket.once('open', () => {
          socket.send(JSON.stringify({ type: 'connection_init' }));
          resolve(socket);
        });
        socket.once('error', reject);
      });
    const silent = await open(false);
    const answering = await open(true);
    try {
      const closed = await new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
      // Terminated without a close frame: the client sees an abnormal closure.
      expect(closed).toBe(1006);
      expect(answering.readyState).toBe(WebSocket.OPEN);
    } finally {
      answering.close();
      await server.stop();
    }
  });

  it('logs a failing handler and closes with graphql-ws\'s internal-error code, without its message', async () => {
    const server = await start({ failSubscribe: true });
    const socket = new WebSocket(server.url, GRAPHQL_TRANSPORT_WS_PROTOCOL);
    try {
      await new Promise<void>((resolve) => socket.once('open', () => resolve()));
      socket.send(JSON.stringify({ type: 'connection_init' }));
      await new Promise<void>((resolve) => socket.once('message', () => resolve()));
      const close = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { tick }' } }));
      const { code, reason } = await close;
      expect(code).toBe(CloseCode.InternalServerError);
      expect(reason).not.toContain('secret');
      expect(server.errors).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});
