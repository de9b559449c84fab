import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Repeater } from '@repeaterjs/repeater';
import { buildSchema, Kind, parse, type ExecutionArgs, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
import { subscribe, testToken, wsClient } from '@rz/test-support';
import { startTestGateway } from '../testing/test-gateway';
import type { RunningGateway } from '../http/server';
import { SLOW_CONSUMER_CLOSE, UNAUTHENTICATED_CLOSE, UnsentFrames } from './subscription-server';

/** A subgraph's WebSocket side: records each connection's params and sends `tick` events with cursors to every subscription. */
async function startEventSubgraph() {
  const connections: Record<string, unknown>[] = [];
  const pushers = new Set<(cursor: string, text: string) => void>();
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { complaintStatusChangedCursor: '0' } }));
  });
  const wss = new WebSocketServer({ server });
  useServer(
    {
      onConnect: (ctx) => {
        connections.push(ctx.connectionParams ?? {});
        return true;
      },
      onSubscribe: (_ctx, _id, payload) => ({ schema: buildSchema('type Query { a: Int }'), document: parse(payload.query) }),
      // Answers whatever the gateway selected: `cursor`, `to`, and the text for any other field.
      subscribe: (args: ExecutionArgs) => {
        const root = (args.document.definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
        const fields = (root.selectionSet?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD);
        return new Repeater(async (push, stop) => {
          const send = (cursor: string, text: string) =>
            void push({
              data: {
                [root.alias?.value ?? root.name.value]: Object.fromEntries(
                  fields.map((f) => [f.alias?.value ?? f.name.value, f.name.value === 'cursor' ? cursor : f.name.value === 'to' ? 'ACCEPTED' : f.name.value === '__typename' ? 'ComplaintStatusEvent' : text]),
                ),
              },
            });
          pushers.add(send);
          await stop;
          pushers.delete(send);
        });
      },
    },
    wss,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let cursor = 0;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections,
    subscriptions: () => pushers.size,
    /** One status change, as atameken would send it for the LIVE selection below. */
    emit(text = 'x') {
      cursor += 1;
      pushers.forEach((send) => send(String(cursor), text));
    },
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const LIVE = `subscription($after: String) { complaintStatusChanged(territory: "750000000", after: $after) { to cursor } }`;

/** Opens a raw graphql-transport-ws socket and sends `connection_init` with `payload`; resolves with the socket and how it ended or was acknowledged. */
function connect(url: string, payload: Record<string, unknown> = {}): Promise<{ socket: WebSocket; acked?: true; closed?: { code: number; reason: string } }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.once('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ socket, acked: true });
    });
    socket.once('close', (code, reason) => resolve({ socket, closed: { code, reason: String(reason) } }));
    socket.once('error', reject);
  });
}

function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve({ code: -1, reason: '' });
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
}

describe('WebSocket hygiene at the gateway', () => {
  let stub: Awaited<ReturnType<typeof startEventSubgraph>>;
  let gateway: RunningGateway;
  beforeAll(async () => {
    stub = await startEventSubgraph();
    gateway = await startTestGateway(stub.url, { SUBSCRIPTION_MAX_BUFFERED_EVENTS: '5' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await stub?.close();
  });

  it('closes a socket that sends a message over the HTTP body limit (1009), and accepts one under it', async () => {
    const { socket, acked } = await connect(gateway.url);
    expect(acked).toBe(true);
    const query = `subscription { complaintStatusChanged { to } } #${'x'.repeat(1024 * 1024)}`;
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    expect((await closed(socket)).code).toBe(1009);
    const small = await connect(gateway.url);
    small.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `${LIVE} #${'x'.repeat(100 * 1024)}` } }));
    small.socket.send(JSON.stringify({ type: 'ping' }));
    const reply = await new Promise<{ type: string }>((resolve) => small.socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    expect(reply.type).toBe('pong');
    small.socket.close();
  });

  it('refuses a bad token at connection_init with 4401 and a coded reason, whatever the key’s case', async () => {
    for (const key of ['authorization', 'Authorization', 'AUTHORIZATION']) {
      const forged = await connect(gateway.url, { [key]: 'Bearer not.a.token' });
      expect(forged.closed).toEqual({ code: UNAUTHENTICATED_CLOSE, reason: expect.any(String) });
      expect(JSON.parse(forged.closed!.reason)).toMatchObject({ code: 'UNAUTHENTICATED', reason: expect.any(String) });
    }
    const expired = await connect(gateway.url, { Authorization: `Bearer ${await testToken({ roles: ['citizen'], expiresIn: '-1m' })}` });
    expect(JSON.parse(expired.closed!.reason)).toEqual({ code: 'UNAUTHENTICATED', reason: 'EXPIRED' });
  });

  it('reads `Authorization` (as GraphiQL sends it) and passes the token upstream for a per-viewer selection', async () => {
    const token = await testToken({ roles: ['citizen'], subject: 'capital-a' });
    const client = wsClient(gateway.url, undefined, { connectionParams: { Authorization: `Bearer ${token}` } });
    try {
      // `comment` depends on the viewer, so this subscription runs upstream with the caller's token.
      subscribe(client, LIVE.replace('to cursor', 'to cursor comment'));
      await waitFor(() => stub.connections.some((c) => c.authorization === `Bearer ${token}`));
    } finally {
      await client.dispose();
    }
    await waitFor(() => stub.subscriptions() === 0);
  });

  it('ends a subscription when its token expires: TOKEN_EXPIRED, then complete', async () => {
    // Long enough to subscribe and receive one event on a loaded machine, short enough to wait out.
    const token = await testToken({ roles: ['citizen'], subject: 'short-lived', expiresIn: '15s' });
    const client = wsClient(gateway.url, token);
    try {
      const live = subscribe(client, LIVE);
      await waitFor(() => stub.subscriptions() > 0);
      stub.emit();
      await live.take(1);
      await waitFor(() => live.completed, 25_000);
      const last = live.results[live.results.length - 1];
      expect(last.errors?.[0]).toMatchObject({ extensions: { code: 'TOKEN_EXPIRED' } });
      expect(live.results[0].data).toMatchObject({ complaintStatusChanged: { to: 'ACCEPTED' } });
    } finally {
      await client.dispose();
    }
  });

  it('refuses @defer and @stream with a coded BAD_REQUEST that says why, over any Accept', async () => {
    for (const accept of ['application/json', 'multipart/mixed; deferSpec=20220824, application/json']) {
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query: '{ __typename ... @defer { __typename } }' }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/^@defer is not supported/), extensions: { code: 'BAD_REQUEST' } });
    }
  });

  it('tells a client that stops reading SLOW_CONSUMER after what it had not read, and closes its socket with a coded reason', async () => {
    const { socket } = await connect(gateway.url);
    const messages: { type: string; id?: string; payload?: any }[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    // Large events fill the kernel's socket buffers quickly; only then is a stalled client told from a slow network.
    const copies = Array.from({ length: 20 }, (_, i) => `t${i}: comment`).join(' ');
    socket.send(JSON.stringify({ id: 'slow', type: 'subscribe', payload: { query: `subscription { complaintStatusChanged { cursor ${copies} } }` } }));
    await waitFor(() => stub.subscriptions() > 0);
    const raw = (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    const big = 'y'.repeat(20_000);
    for (let i = 0; i < 200 && gateway.subscriptions.stats().downstream > 0; i += 1) {
      stub.emit(big);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(gateway.subscriptions.stats().downstream).toBe(0);
    const ended = closed(socket);
    raw.resume();
    const { code, reason } = await ended;
    expect(code).toBe(SLOW_CONSUMER_CLOSE);
    expect(JSON.parse(reason)).toEqual({ code: 'SLOW_CONSUMER' });
    const last = messages[messages.length - 1];
    expect(last).toMatchObject({ id: 'slow', type: 'error', payload: [{ extensions: { code: 'SLOW_CONSUMER' } }] });
    // Every event before the error arrived whole and in order: the client resumes from the last cursor it read.
    const cursors = messages.filter((m) => m.type === 'next').map((m) => Number(m.payload.data.complaintStatusChanged.cursor));
    expect(cursors.length).toBeGreaterThan(0);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(new Set(cursors).size).toBe(cursors.length);
  });
});

describe('frames a socket has not yet handed to the kernel', () => {
  it('counts the newest frames that the unsent bytes reach into, headers included', () => {
    const socket = { bufferedAmount: 0 };
    const unsent = new UnsentFrames(socket);
    unsent.sent(100); // 102 bytes on the wire
    expect(unsent.count()).toBe(0); // the kernel took it at once
    socket.bufferedAmount = 204;
    unsent.sent(200); // 204, all still buffered
    expect(unsent.count()).toBe(1);
    socket.bufferedAmount = 204 + 70_010;
    unsent.sent(70_000); // 70,010
    expect(unsent.count()).toBe(2);
    socket.bufferedAmount = 70_011; // the last byte of the 204-byte frame is still buffered
    expect(unsent.count()).toBe(2);
    socket.bufferedAmount = 70_010;
    expect(unsent.count()).toBe(1);
    socket.bufferedAmount = 70_010 + 102;
    unsent.sent(100);
    expect(unsent.count()).toBe(2);
    socket.bufferedAmount = 0;
    expect(unsent.count()).toBe(0);
  });
});

describe('events framed once for many subscribers', () => {
  let stub: Awaited<ReturnType<typeof startEventSubgraph>>;
  let gateway: RunningGateway;
  beforeAll(async () => {
    stub = await startEventSubgraph();
    gateway = await startTestGateway(stub.url);
  });
  afterAll(async () => {
    await gateway?.stop();
    await stub?.close();
  });

  it('sends every subscriber of a group the same payload under its own id; a document reused by its text is validated as before', async () => {
    const sockets = await Promise.all([connect(gateway.url), connect(gateway.url)]);
    const received: { id: string; type: string; payload: unknown }[][] = sockets.map(() => []);
    sockets.forEach(({ socket }, i) => socket.on('message', (data) => received[i].push(JSON.parse(String(data)))));
    sockets.forEach(({ socket }, i) => {
      socket.send(JSON.stringify({ id: `first-${i}`, type: 'subscribe', payload: { query: LIVE } }));
      socket.send(JSON.stringify({ id: `bad-${i}`, type: 'subscribe', payload: { query: 'subscription { complaintStatusChanged { nope } }' } }));
    });
    await waitFor(() => stub.subscriptions() === 1 && received.every((r) => r.some((m) => m.type === 'error')));
    stub.emit();
    await waitFor(() => received.every((r) => r.some((m) => m.type === 'next')));
    for (const [i, messages] of received.entries()) {
      expect(messages.find((m) => m.type === 'error')).toMatchObject({ id: `bad-${i}`, payload: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
      expect(messages.find((m) => m.type === 'next')).toEqual({
        id: `first-${i}`,
        type: 'next',
        payload: { data: { complaintStatusChanged: { to: 'ACCEPTED', cursor: expect.any(String) } } },
      });
    }
    sockets.forEach(({ socket }) => socket.close());
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
