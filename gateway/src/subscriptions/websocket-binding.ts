import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import WebSocket, { type WebSocketServer } from 'ws';

/** What a subscription knows of its socket: the socket and the client's address, not the handshake request. */
export interface SocketExtra {
  socket: WebSocket;
  /** The client's address as the rate limits see it (proxy-aware). */
  address: string;
}

export interface WebSocketBindingOptions {
  /** The client address of a handshake request (the limits' `addressOf`). Default: the socket's remote address. */
  addressOf?: (request: IncomingMessage) => string;
  /** Every socket is pinged this often, and terminated if it has not answered the previous ping. Default 12 s (graphql-ws's). */
  keepAliveMs?: number;
  logger: Pick<Logger, 'error'>;
}

/** Ticks per keep-alive period: each pings (and checks) one slice of the sockets. */
const KEEP_ALIVE_SLICES = 12;

const alive = new WeakSet<WebSocket>();
function markAlive(this: WebSocket): void {
  alive.add(this);
}

/**
 * Serves graphql-ws on a ws server, in place of graphql-ws's own `useServer`, for 10,000 sockets per process:
 * - the handshake request is not kept for the socket's life (its headers were a quarter of a subscriber's memory);
 *   subscriptions get the client's address instead;
 * - one keep-alive sweep for all sockets instead of a timer (and a new pong listener) per socket per ping;
 * - failures go to the gateway's logger, and the close reason never carries an internal message.
 */
export function serveGraphqlWs<P extends Record<string, unknown> | undefined>(
  server: ServerOptions<P, SocketExtra>,
  wss: WebSocketServer,
  options: WebSocketBindingOptions,
): { dispose(): Promise<void> } {
  const graphqlWs = makeServer(server);
  const addressOf = options.addressOf ?? ((request: IncomingMessage) => request.socket.remoteAddress ?? '');
  wss.options.handleProtocols = handleProtocols;

  const internalError = (socket: WebSocket, error: unknown, where: string) => {
    options.logger.error({ err: error }, `graphql-ws: ${where}`);
    if (socket.readyState === WebSocket.OPEN) socket.close(CloseCode.InternalServerError, 'Internal server error');
  };

  // ws re-emits the HTTP server's errors (a failed listen); with no listener that would throw past the server's own handling.
  wss.on('error', (error) => options.logger.error({ err: error }, 'graphql-ws: WebSocket server error'));
  wss.on('connection', (socket, request) => {
    alive.add(socket);
    socket.on('pong', markAlive);
    socket.once('error', (error) => internalError(socket, error, 'socket error'));
    const closed = graphqlWs.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          if (socket.readyState === WebSocket.OPEN) socket.send(data);
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(String(data)).catch((error: unknown) => internalError(socket, error, 'message handling failed'));
          }),
      },
      { socket, address: addressOf(request) },
    );
    socket.once('close', (code, reason) => {
      void closed(code, String(reason)).catch((error: unknown) => options.logger.error({ err: error }, 'graphql-ws: close handling failed'));
    });
  });

  // A socket that did not answer the last ping within a whole period is gone (a dead NAT mapping, a lost phone).
  // The sockets are visited a slice per tick, so 10,000 pings never leave in one burst beside an event's fan-out.
  const period = options.keepAliveMs ?? 12_000;
  let round: WebSocket[] = [];
  let tick = 0;
  const sweep = setInterval(() => {
    if (tick === 0) round = [...wss.clients];
    const from = Math.floor((round.length * tick) / KEEP_ALIVE_SLICES);
    const to = Math.floor((round.length * (tick + 1)) / KEEP_ALIVE_SLICES);
    for (let i = from; i < to; i += 1) {
      const socket = round[i];
      if (socket.readyState !== WebSocket.OPEN) continue;
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
    tick = (tick + 1) % KEEP_ALIVE_SLICES;
    if (tick === 0) round = [];
  }, period / KEEP_ALIVE_SLICES);
  sweep.unref();

  return {
    async dispose() {
      clearInterval(sweep);
      for (const socket of wss.clients) socket.close(1001, 'Going away');
    },
  };
}
