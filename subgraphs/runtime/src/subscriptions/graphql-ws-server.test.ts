import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Repeater } from '@repeaterjs/repeater';
import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import WebSocket from 'ws';
import type { SubgraphContext } from '../context';
import type { Viewer } from '../auth/viewer';
import { attachGraphqlWs } from './graphql-ws-server';

/** A schema whose one subscription sends the viewer's subject once. */
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { a: { type: GraphQLString } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      whoami: {
        type: GraphQLString,
        subscribe: (_root, _args, ctx: SubgraphContext) =>
          new Repeater<string>(async (push, stop) => {
            await push(ctx.viewer?.subject ?? 'anonymous');
            await stop;
          }),
        resolve: (subject: string) => subject,
      },
    },
  }),
});

async function viewerOf(authorization: string | undefined): Promise<Viewer | null> {
  if (!authorization) return null;
  if (authorization !== 'Bearer good') throw new GraphQLError('Invalid token: signature', { extensions: { code: 'UNAUTHENTICATED', reason: 'BAD_SIGNATURE' } });
  return { subject: 'someone', roles: [], territory: null, subprogramme: null, identityVerified: false };
}

/** Opens a socket, sends connection_init with `payload`, then `then` (if acknowledged); collects messages until it closes. */
function session(url: string, payload: Record<string, unknown>, then?: (socket: WebSocket) => void) {
  return new Promise<{ messages: { type: string; payload?: unknown }[]; code: number; reason: string }>((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const messages: { type: string; payload?: unknown }[] = [];
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      messages.push(message);
      if (message.type === 'connection_ack') then?.(socket);
      if (message.type === 'next') socket.close(1000);
    });
    socket.once('close', (code, reason) => resolve({ messages, code, reason: String(reason) }));
    socket.once('error', reject);
  });
}

describe('subgraph graphql-ws server', () => {
  const server = createServer();
  let url: string;
  let ws: { dispose(): Promise<void> };
  beforeAll(async () => {
    ws = attachGraphqlWs({
      server,
      schema,
      viewerOf,
      createContext: (viewer) => ({ viewer }) as SubgraphContext,
      formatError: (formatted) => formatted,
      maxPayloadBytes: 64 * 1024,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await ws.dispose();
    await new Promise((resolve) => server.close(resolve));
  });

  const whoami = (socket: WebSocket, padding = '') =>
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { whoami } #${padding}` } }));

  it('refuses a bad token at connection_init: close 4401 with a coded reason', async () => {
    const { code, reason, messages } = await session(url, { authorization: 'Bearer forged' });
    expect(code).toBe(4401);
    expect(JSON.parse(reason)).toEqual({ code: 'UNAUTHENTICATED', reason: 'BAD_SIGNATURE' });
    expect(messages).toEqual([]);
  });

  it('reads the token under `Authorization` in any case', async () => {
    for (const key of ['authorization', 'Authorization', 'AUTHORIZATION']) {
      const { messages } = await session(url, { [key]: 'Bearer good' }, (socket) => whoami(socket));
      expect(messages[1]).toMatchObject({ type: 'next', payload: { data: { whoami: 'someone' } } });
    }
    const { messages } = await session(url, {}, (socket) => whoami(socket));
    expect(messages[1]).toMatchObject({ payload: { data: { whoami: 'anonymous' } } });
  });

  it('closes a socket whose message is larger than its limit with 1009', async () => {
    const { code } = await session(url, {}, (socket) => whoami(socket, 'x'.repeat(100 * 1024)));
    expect(code).toBe(1009);
  });
});
