import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Repeater } from '@repeaterjs/repeater';
import { buildSchema, parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
import { createLogger } from '@rz/service-kit';
import { subscribe, wsClient, testToken } from '@rz/test-support';
import { loadGatewayConfig } from '../config';
import { startTestGateway } from '../testing/test-gateway';
import { clientRateLimitsFromConfig } from './client-rate-limits';
import { webSocketLimitsFromConfig, type WebSocketLimits } from './websocket-limits';

/**
 * The real gateway in process, in front of a stub subgraph that accepts every
 * upstream subscription and never emits: downstream subscriptions stay open. Over HTTP it
 * answers the head-cursor query a shared stream starts from.
 */
async function startQuietSubgraphs(): Promise<{ url: string; upstreamSubscriptions: () => number; close(): Promise<void> }> {
  let active = 0;
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { complaintStatusChangedCursor: '0' } }));
  });
  const wss = new WebSocketServer({ server });
  useServer(
    {
      onSubscribe: (_ctx, _id, payload) => ({ schema: buildSchema('type Query { a: Int }'), document: parse(payload.query) }),
      subscribe: () =>
        new Repeater(async (_push, stop) => {
          active += 1;
          await stop;
          active -= 1;
        }),
    },
    wss,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    upstreamSubscriptions: () => active,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}


/** Opens a raw WebSocket: resolves with the socket, or with the HTTP refusal of the handshake. */
function handshake(url: string): Promise<{ socket?: WebSocket; status?: number; retryAfter?: string | null }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'] ?? null });
      res.resume();
    });
    socket.once('error', (error) => reject(error));
  });
}

const LIVE = `subscription($territory: ID) { complaintStatusChanged(territory: $territory) { to cursor } }`;

describe('WebSocket limits at the gateway', () => {
  let stub: Awaited<ReturnType<typeof startQuietSubgraphs>>;
  beforeAll(async () => {
    stub = await startQuietSubgraphs();
  });
  afterAll(() => stub?.close());

  it('refuses handshakes past the per-address budget with 429 and Retry-After', async () => {
    const gateway = await startTestGateway(stub.url, { RATE_LIMIT_WS_CONNECTIONS: '3', RATE_LIMIT_WINDOW_SECONDS: '120' });
    try {
      const accepted = [];
      for (let i = 0; i < 3; i += 1) {
        const attempt = await handshake(gateway.url);
        expect(attempt.socket).toBeDefined();
        accepted.push(attempt.socket!);
      }
      const refused = await handshake(gateway.url);
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(120);
      accepted.forEach((s) => s.close());
    } finally {
      await gateway.stop();
    }
  });

  it('caps the sockets one address holds open, and frees a place when one closes', async () => {
    const gateway = await startTestGateway(stub.url, { WS_MAX_OPEN_PER_ADDRESS: '2' });
    try {
      const first = await handshake(gateway.url);
      const second = await handshake(gateway.url);
      expect([first.socket, second.socket].every(Boolean)).toBe(true);
      expect((await handshake(gateway.url)).status).toBe(429);
      await new Promise<void>((resolve) => {
        first.socket!.once('close', () => resolve());
        first.socket!.close();
      });
      // The server sees the close a moment after the client does.
      let third = await handshake(gateway.url);
      for (let i = 0; i < 50 && !third.socket; i += 1) {
        await new Promise((r) => setTimeout(r, 20));
        third = await handshake(gateway.url);
      }
      expect(third.socket).toBeDefined();
      second.socket!.close();
      third.socket!.close();
    } finally {
      await gateway.stop();
    }
  });

  it('shares the process\'s capacity between WebSockets and HTTP streams, refusing past it with 503, even with rate limits off', async () => {
    const gateway = await startTestGateway(stub.url, { SUBSCRIPTION_MAX_CONNECTIONS: '2', RATE_LIMIT_ENABLED: 'false' });
    /** An SSE subscription: resolves with the response once its headers came (the stream stays open). */
    const openStream = async (signal?: AbortSignal) =>
      fetch(`${gateway.url}/stream`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: LIVE, variables: { territory: '750000000' } }),
        signal,
      });
    const streamAbort = new AbortController();
    try {
      const socket = await handshake(gateway.url);
      expect(socket.socket).toBeDefined();
      const stream = await openStream(streamAbort.signal);
      expect(stream.status).toBe(200);

      const refusedSocket = await handshake(gateway.url);
      expect(refusedSocket.status).toBe(503);
      expect(Number(refusedSocket.retryAfter)).toBeGreaterThan(0);
      const refusedStream = await openStream();
      expect(refusedStream.status).toBe(503);
      expect(Number(refusedStream.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refusedStream.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('SUBSCRIPTIONS_AT_CAPACITY');

      // Closing the stream frees its place for a WebSocket.
      streamAbort.abort();
      let again = await handshake(gateway.url);
      for (let i = 0; i < 50 && !again.socket; i += 1) {
        await new Promise((r) => setTimeout(r, 20));
        again = await handshake(gateway.url);
      }
      expect(again.socket).toBeDefined();
      socket.socket!.close();
      again.socket!.close();
    } finally {
      streamAbort.abort();
      await gateway.stop();
    }
  });

  it('caps the subscriptions on one socket; the socket stays usable and a completed one frees a place', async () => {
    const gateway = await startTestGateway(stub.url, { WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '2' });
    const client = wsClient(gateway.url);
    try {
      const a = subscribe(client, LIVE, { territory: '750000000' });
      const b = subscribe(client, LIVE, { territory: '710000000' });
      await waitFor(() => stub.upstreamSubscriptions() >= 2);
      const c = subscribe(client, LIVE, { territory: '790000000' });
      const errors = (await c.failure()) as { extensions?: { code?: string } }[];
      expect(errors[0].extensions?.code).toBe('RATE_LIMITED');
      expect(a.completed || b.completed).toBe(false);
      a.dispose();
      await waitFor(() => stub.upstreamSubscriptions() === 1);
      const d = subscribe(client, LIVE, { territory: '790000000' });
      await waitFor(() => stub.upstreamSubscriptions() === 2);
      expect(d.completed).toBe(false);
      b.dispose();
      d.dispose();
    } finally {
      await client.dispose();
      await gateway.stop();
    }
  });

  it('takes each subscribe message from the caller’s request budget, shared with HTTP', async () => {
    const gateway = await startTestGateway(stub.url, { RATE_LIMIT_REQUESTS: '3', RATE_LIMIT_WINDOW_SECONDS: '120' });
    const token = await testToken({ roles: ['citizen'], subject: 'ws-budget' });
    const client = wsClient(gateway.url, token);
    try {
      const http = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(http.status).toBe(200);
      const first = subscribe(client, LIVE, { territory: '750000000' });
      const second = subscribe(client, LIVE, { territory: '710000000' });
      await waitFor(() => stub.upstreamSubscriptions() >= 2);
      const third = subscribe(client, LIVE, { territory: '790000000' });
      const errors = (await third.failure()) as { extensions?: { code?: string; retryAfter?: number } }[];
      expect(errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
      // The budget is the subject's: HTTP is refused too.
      const after = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(after.status).toBe(429);
      first.dispose();
      second.dispose();
    } finally {
      await client.dispose();
      await gateway.stop();
    }
  });
});

describe('a reconnect storm after a gateway restart (5,000 anonymous clients within one window)', () => {
  /** The limits as the gateway builds them from its settings (defaults unless `env` says otherwise). */
  async function limitsFrom(env: Record<string, string> = {}): Promise<WebSocketLimits> {
    const config = loadGatewayConfig({ AUTH_JWKS_FILE: '/keys/jwks.json', EVIDENCE_SECRET: 'a-secret-of-16-chars', ...env });
    const { limits } = await clientRateLimitsFromConfig(config, { subjectOf: async () => null }, createLogger('test', 'silent'));
    return webSocketLimitsFromConfig(config, limits, () => false);
  }

  /** One client's way back in: the handshake, its socket counted, its subscribe message. */
  async function reconnect(limits: WebSocketLimits, address: string): Promise<boolean> {
    const request = { socket: { remoteAddress: address }, headers: {} } as unknown as IncomingMessage;
    const accepted = await new Promise<boolean>((resolve) => limits.verifyClient({ req: request }, (result) => resolve(result)));
    if (!accepted) return false;
    limits.track(new EventEmitter() as unknown as WebSocket, request);
    return (await limits.admit({ address: limits.addressOf(request), authorization: undefined, activeSubscriptions: 0 })) === null;
  }

  async function admitted(limits: WebSocketLimits, addressOf: (client: number) => string): Promise<number> {
    let count = 0;
    for (let client = 0; client < 5_000; client += 1) if (await reconnect(limits, addressOf(client))) count += 1;
    return count;
  }

  it('lets in every client of an address range (a carrier’s 100.64.0.0/10 pool) under the default limits', async () => {
    expect(await admitted(await limitsFrom(), (c) => `100.64.${c >> 8}.${c & 0xff}`)).toBe(5_000);
  });

  it('holds back clients behind one address by default, and lets them all in with the settings docs/subscriptions.md gives', async () => {
    expect(await admitted(await limitsFrom(), () => '100.64.0.1')).toBe(120);
    const configured = await limitsFrom({ RATE_LIMIT_WS_CONNECTIONS: '6000', WS_MAX_OPEN_PER_ADDRESS: '5000', RATE_LIMIT_ANONYMOUS_REQUESTS: '6000' });
    expect(await admitted(configured, () => '100.64.0.1')).toBe(5_000);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
