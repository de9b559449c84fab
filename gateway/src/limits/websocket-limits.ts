import type { IncomingMessage } from 'node:http';
import type { GraphQLError } from 'graphql';
import proxyAddr from 'proxy-addr';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type WebSocket from 'ws';
import type { RateLimitsConfig, WebSocketConfig } from '../config';
import { codedError } from '../errors/coded-error';
import { rateLimited, type ClientRateLimits } from './client-rate-limits';
import { CAPACITY_RETRY_AFTER_SECONDS, SubscriberCapacity } from './subscriber-capacity';

/** WebSocket close code 1013, Try Again Later (RFC 6455's registry). */
const TRY_AGAIN_LATER_CLOSE = 1013;

export interface WebSocketLimitsOptions {
  /** Per-client budgets shared with HTTP: each subscribe message takes one request. Default none. */
  requests?: ClientRateLimits | null;
  /** Off for load tests: only the per-socket subscription cap stays. Default true. */
  enabled?: boolean;
  /** Window for connection attempts, in seconds. Default 60. */
  windowSeconds?: number;
  /** WebSocket handshakes per window and client address. Default 120. */
  connectionsPerWindow?: number;
  /** Sockets one client address may hold open at once. Default 500: mobile carriers put many phones behind one address. */
  openPerAddress?: number;
  /** The process's room for subscription connections, shared with the HTTP streams (applies even with rate limits off). Default 12,000. */
  capacity?: SubscriberCapacity;
  /** Subscriptions one socket may run at once. Default 20. */
  subscriptionsPerSocket?: number;
  /** Express's compiled `trust proxy` (app.get('trust proxy fn')), which decides the client address. Default: trust nobody. */
  trustProxy?: (address: string, hop: number) => boolean;
  /** Told of every refusal (for the refusal metric). */
  onRefusal?: (kind: 'ws_open' | 'ws_handshake' | 'ws_subscribe' | 'subscription_capacity') => void;
}

/** What graphql-ws knows about a socket when a subscribe message arrives. */
export interface SubscribeAttempt {
  /** The client's address (`addressOf` its handshake). */
  address: string;
  authorization: string | undefined;
  activeSubscriptions: number;
}

type VerifyCallback = (result: boolean, code?: number, message?: string, headers?: Record<string, string>) => void;

/**
 * The HTTP rate limits have WebSocket twins: handshakes per address and window,
 * open sockets per address, subscriptions per socket, and subscribe messages from
 * the same budget as HTTP requests. A refused handshake gets 429 with Retry-After,
 * a refused subscribe an `error` message with RATE_LIMITED on a socket that stays usable.
 */
export class WebSocketLimits {
  private readonly handshakes: RateLimiterMemory;
  private readonly open = new Map<string, number>();
  private readonly capacity: SubscriberCapacity;
  private readonly enabled: boolean;

  constructor(private readonly options: WebSocketLimitsOptions = {}) {
    this.enabled = options.enabled ?? true;
    this.capacity = options.capacity ?? new SubscriberCapacity();
    this.handshakes = new RateLimiterMemory({ keyPrefix: 'ws-handshake', points: options.connectionsPerWindow ?? 120, duration: options.windowSeconds ?? 60 });
  }

  addressOf(request: IncomingMessage): string {
    return proxyAddr(request, this.options.trustProxy ?? (() => false));
  }

  /** `verifyClient` for the ws server: runs before the handshake completes. */
  readonly verifyClient = (info: { req: IncomingMessage }, done: VerifyCallback): void => {
    if (this.capacity.full) {
      this.options.onRefusal?.('subscription_capacity');
      return done(false, 503, 'This gateway holds as many subscriptions as it can', { 'Retry-After': String(CAPACITY_RETRY_AFTER_SECONDS) });
    }
    if (!this.enabled) return done(true);
    const address = this.addressOf(info.req);
    if ((this.open.get(address) ?? 0) >= (this.options.openPerAddress ?? 500)) {
      this.options.onRefusal?.('ws_open');
      return done(false, 429, 'Too many open connections from this address', { 'Retry-After': '60' });
    }
    this.handshakes.consume(address).then(
      () => done(true),
      (refusal) => {
        this.options.onRefusal?.('ws_handshake');
        const seconds = refusal instanceof RateLimiterRes ? Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) : 60;
        done(false, 429, 'Too many connection attempts', { 'Retry-After': String(seconds) });
      },
    );
  };

  /** Counts an accepted socket (against its address too, with rate limits on) until it closes. */
  track(socket: WebSocket, request: IncomingMessage): void {
    // Handshakes checked at the same moment may all pass `verifyClient`; the last ones are closed here.
    if (!this.capacity.admit(socket)) {
      this.options.onRefusal?.('subscription_capacity');
      socket.close(TRY_AGAIN_LATER_CLOSE, 'At capacity');
      return;
    }
    if (!this.enabled) return;
    const address = this.addressOf(request);
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
    socket.once('close', () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    });
  }

  /** Null when the subscription may start, else the errors to send back. */
  async admit(attempt: SubscribeAttempt): Promise<GraphQLError[] | null> {
    const cap = this.options.subscriptionsPerSocket ?? 20;
    if (attempt.activeSubscriptions >= cap) {
      this.options.onRefusal?.('ws_subscribe');
      return [codedError('RATE_LIMITED', `At most ${cap} subscriptions run on one connection; complete one first`)];
    }
    if (!this.enabled || !this.options.requests) return null;
    const wait = await this.options.requests.consume('request', attempt.authorization, attempt.address);
    if (wait === null) return null;
    this.options.onRefusal?.('ws_subscribe');
    return [rateLimited(wait)];
  }
}

export function webSocketLimitsFromConfig(
  config: Pick<RateLimitsConfig, 'RATE_LIMIT_ENABLED' | 'RATE_LIMIT_WINDOW_SECONDS'> & WebSocketConfig,
  requests: ClientRateLimits | null,
  trustProxy: (address: string, hop: number) => boolean,
  onRefusal?: WebSocketLimitsOptions['onRefusal'],
  capacity?: SubscriberCapacity,
): WebSocketLimits {
  return new WebSocketLimits({
    requests,
    enabled: config.RATE_LIMIT_ENABLED,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    connectionsPerWindow: config.RATE_LIMIT_WS_CONNECTIONS,
    openPerAddress: config.WS_MAX_OPEN_PER_ADDRESS,
    capacity: capacity ?? new SubscriberCapacity(config.SUBSCRIPTION_MAX_CONNECTIONS),
    subscriptionsPerSocket: config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
    trustProxy,
    onRefusal,
  });
}
