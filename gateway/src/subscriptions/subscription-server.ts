import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { TokenRejected, type TokenClaims, type TokenVerifier } from '@rz/service-kit';
import { CloseCode, MessageType, stringifyMessage } from 'graphql-ws';
import type { Express } from 'express';
import WebSocket, { WebSocketServer } from 'ws';
import { resolveDocument, trustedDocuments, type TrustedDocumentsOptions } from '../documents/trusted-documents-middleware';
import { codedError, formattedError } from '../errors/coded-error';
import { toFormattedError, type ErrorFormatter } from '../errors/error-formatter';
import type { SubscriberCapacity } from '../limits/subscriber-capacity';
import type { WebSocketLimits } from '../limits/websocket-limits';
import { SharedSubscriptions, SlowConsumerError, UpstreamError, type SharedSubscriptionDeps } from './shared-subscription';
import { mountSubscriptionStreams } from './subscription-http';
import { UpstreamClients, type UpstreamClientOptions } from './upstream-clients';
import { serveGraphqlWs } from './websocket-binding';

/** The planner, data sources, subgraph addresses and logger go to the shared subscriptions; the server opens the upstream clients itself. */
export interface SubscriptionServerOptions extends Omit<SharedSubscriptionDeps, 'upstream'> {
  server: Server;
  /** The formatter HTTP errors go through too: every `error` message and every error in a `next` message passes it. */
  formatError: ErrorFormatter;
  /** Events a client may leave unread before it is disconnected. Default 100. */
  maxBufferedEvents?: number;
  /** The same depth, cost and alias limits as HTTP operations. */
  validationRules?: readonly ValidationRule[];
  parseOptions?: ParseOptions;
  /** Handshake, open-socket and subscribe limits. Default none. */
  limits?: WebSocketLimits;
  /** How upstream sockets to the subgraphs are opened (retry waits, the gateway's shared secret). */
  upstream?: UpstreamClientOptions;
  /** Largest WebSocket message accepted, in bytes (larger: the socket is closed with 1009). Default 256 KiB, the HTTP body limit. */
  maxPayloadBytes?: number;
  /** Verifies the token in `connection_init`; without it every connection is accepted as sent. */
  tokens?: Pick<TokenVerifier, 'verify'>;
  /** Room for subscription connections, shared by WebSockets (through `limits`) and the HTTP streams. Default: the HTTP streams are not counted. */
  capacity?: SubscriberCapacity;
  /** Trusted documents, as on /graphql: a subscribe payload `{"query": "", "documentId": "sha256:<hex>"}` runs the registered document. Default none (any document). */
  trustedDocuments?: TrustedDocumentsOptions;
}

/** graphql-ws context of one subscription at the gateway. */
interface SubscriptionContext {
  id: string;
  authorization?: string;
  /** When the token expires, in ms since the epoch. */
  expiresAt?: number;
  socket: WebSocket;
}

/** Close code for a refused `connection_init` token (the HTTP 401 of WebSocket), as graphql-ws reserves 4401 for it. */
export const UNAUTHENTICATED_CLOSE = CloseCode.Unauthorized;
/**
 * Close code for a subscriber cut off for not reading. Not one graphql-ws clients treat as fatal (4429 is),
 * so they reconnect by themselves; the cut-off subscription has had its SLOW_CONSUMER error and resumes from its cursor.
 */
export const SLOW_CONSUMER_CLOSE = 4008;

/** `connection_init`'s authorization, whatever the key's case (GraphiQL sends `Authorization`). */
export function connectionAuthorization(params: Record<string, unknown> | undefined): string | undefined {
  const key = Object.keys(params ?? {}).find((k) => k.toLowerCase() === 'authorization');
  const value = key === undefined ? undefined : params![key];
  return typeof value === 'string' ? value : undefined;
}

/** Valid documents kept by their text (a reconnect storm sends thousands of the same one), and the longest text kept. */
const CHECKED_DOCUMENTS = 500;
const CHECKED_DOCUMENT_MAX_LENGTH = 16 * 1024;

/** A close reason clients can parse: `{"code":"UNAUTHENTICATED","reason":"EXPIRED"}` (close reasons hold at most 123 bytes). */
function closeReason(code: string, reason?: string): string {
  return JSON.stringify(reason ? { code, reason } : { code });
}

/**
 * Federated subscriptions over graphql-ws on the gateway's /graphql path (HTTP
 * queries and mutations stay with Apollo Server on the same path).
 */
export class SubscriptionServer {
  private readonly upstream = new UpstreamClients(this.options.upstream);
  private readonly shared: SharedSubscriptions;
  /** Each event's serialised payload (with the frame's closing brace), shared by every subscriber it goes to. */
  private readonly payloads = new WeakMap<ExecutionResult, Buffer>();
  /** Documents that parsed and validated, by their text. */
  private readonly checked = new Map<string, DocumentNode>();
  private readonly wss: WebSocketServer;
  private readonly cleanup: { dispose(): void | Promise<void> };

  constructor(private readonly options: SubscriptionServerOptions) {
    const { planner, dataSources, subgraphUrls, logger } = options;
    this.shared = new SharedSubscriptions({ planner, upstream: this.upstream, dataSources, subgraphUrls, logger }, options.maxBufferedEvents);
    const limits = options.limits;
    this.wss = new WebSocketServer({
      server: options.server,
      path: '/graphql',
      verifyClient: limits?.verifyClient,
      maxPayload: options.maxPayloadBytes ?? 256 * 1024,
    });
    if (limits) this.wss.on('connection', (socket, request) => limits.track(socket, request));
    // ws has sent its close frame (1009 for an oversized message); a client that broke the protocol is not waited for.
    this.wss.on('connection', (socket) => socket.once('error', () => setTimeout(() => socket.terminate(), 1_000).unref()));
    const claimsOf = new WeakMap<WebSocket, TokenClaims | null>();
    this.cleanup = serveGraphqlWs<Record<string, unknown> | undefined>(
      {
        // graphql-ws's 3 s is too short for a reconnect storm of thousands on a busy event loop.
        connectionInitWaitTimeout: 10_000,
        // A bad token is refused here, before any subscription: never downgraded to anonymous.
        onConnect: async (ctx) => {
          if (!options.tokens) return true;
          try {
            claimsOf.set(ctx.extra.socket, await options.tokens.verify(connectionAuthorization(ctx.connectionParams)));
            return true;
          } catch (error) {
            if (!(error instanceof TokenRejected)) throw error;
            ctx.extra.socket.close(UNAUTHENTICATED_CLOSE, closeReason('UNAUTHENTICATED', error.problem));
            return false;
          }
        },
        onSubscribe: async (ctx, id, payload) => {
          const authorization = connectionAuthorization(ctx.connectionParams);
          const refused = await limits?.admit({
            address: ctx.extra.address,
            authorization,
            // graphql-ws reserves the new id in `subscriptions` before this hook runs.
            activeSubscriptions: Object.keys(ctx.subscriptions).filter((other) => other !== id).length,
          });
          if (refused) return refused;
          const trusted = this.trusted(payload, claimsOf.get(ctx.extra.socket));
          if (Array.isArray(trusted)) return trusted;
          const prepared = this.prepare(trusted);
          if (Array.isArray(prepared)) return prepared;
          const exp = claimsOf.get(ctx.extra.socket)?.exp;
          const contextValue: SubscriptionContext = { id, authorization, socket: ctx.extra.socket, expiresAt: exp === undefined ? undefined : exp * 1000 };
          return { ...prepared, contextValue };
        },
        subscribe: (args) => this.subscribe(args),
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors ? { ...result, errors: result.errors.map((e) => options.formatError(toFormattedError(e))) } : undefined,
        onError: (_ctx, _id, _payload, errors) => errors.flatMap((e) => this.unwrap(e)).map(options.formatError),
      },
      this.wss,
      { addressOf: limits && ((request) => limits.addressOf(request)), logger },
    );
  }

  /**
   * The same subscriptions over HTTP: Server-Sent Events at /graphql/stream and multipart responses on
   * /graphql. Mount after the token check and rate limits, before Apollo Server's /graphql handler.
   */
  mountHttp(app: Express, bodyLimitBytes: number): void {
    mountSubscriptionStreams(app, {
      trustedDocuments: this.options.trustedDocuments && trustedDocuments(this.options.trustedDocuments),
      prepare: (payload) => this.prepare(payload),
      subscribe: (args, subscriber) =>
        this.shared.subscribe(
          {
            document: args.document,
            operationName: args.operationName ?? undefined,
            variables: (args.variableValues ?? {}) as Record<string, unknown>,
            authorization: subscriber.authorization,
            after: subscriber.after,
          },
          { expiresAt: subscriber.expiresAt, onSlowConsumer: subscriber.onSlowConsumer },
        ),
      formatError: this.options.formatError,
      bodyLimitBytes,
      capacity: this.options.capacity,
    });
  }

  /** Open upstream subscriptions (shared groups and replays) and the downstream subscribers they serve. */
  stats(): { upstream: number; downstream: number; replays: number } {
    return this.shared.stats();
  }

  async close(): Promise<void> {
    await this.cleanup.dispose();
    await this.upstream.close();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** The errors an `error` message carries, before formatting: a subgraph's own, or ours. */
  private unwrap(error: GraphQLError): GraphQLFormattedError[] {
    const original = error.originalError;
    if (original instanceof UpstreamError) return [...original.errors];
    if (original instanceof SlowConsumerError) return [formattedError('SLOW_CONSUMER', original.message)];
    return [toFormattedError(error)];
  }

  /** graphql-ws requires a string `query`, so an id is sent with an empty one: `{"query": "", "documentId": ...}`. */
  private trusted<P extends { query: string }>(payload: P, claims: TokenClaims | null | undefined): P | GraphQLError[] {
    const options = this.options.trustedDocuments;
    if (!options) return payload;
    const documentId = (payload as { documentId?: unknown }).documentId;
    const query = documentId !== undefined && payload.query === '' ? undefined : payload.query;
    const resolution = resolveDocument(options, { documentId, query }, claims);
    if ('refused' in resolution) return [codedError(resolution.refused.code, resolution.refused.message)];
    return resolution.document === undefined ? payload : { ...payload, query: resolution.document };
  }

  /**
   * Validates the operation against the public schema: bad ones get an `error` message before anything upstream,
   * coded as Apollo codes them over HTTP.
   */
  private prepare(payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null }): ExecutionArgs | GraphQLError[] {
    const document = this.checkedDocument(payload.query);
    if (Array.isArray(document)) return document;
    const schema = this.options.planner.apiGraphQLSchema;
    const operation = getOperationAST(document, payload.operationName ?? undefined);
    if (!operation) return [codedError('OPERATION_RESOLUTION_FAILURE', 'Unable to identify the operation')];
    if (operation.operation !== 'subscription') {
      return [codedError('BAD_REQUEST', 'Only subscriptions are served here; send queries and mutations to /graphql')];
    }
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
    if (coerced.errors) return coerced.errors.map((e) => codedError('BAD_USER_INPUT', e.message));
    return { schema, document, operationName: payload.operationName ?? undefined, variableValues: payload.variables ?? {} };
  }

  /** Parses and validates a document, once per text: the schema and rules never change while the server runs. */
  private checkedDocument(query: string): DocumentNode | GraphQLError[] {
    const known = this.checked.get(query);
    if (known) return known;
    let document;
    try {
      document = parse(query, this.options.parseOptions ?? { maxTokens: 3_000 });
    } catch (error) {
      return [
        error instanceof GraphQLError
          ? codedError('GRAPHQL_PARSE_FAILED', error.message, error.extensions, { source: error.source, positions: error.positions })
          : codedError('GRAPHQL_PARSE_FAILED', 'Could not parse the operation'),
      ];
    }
    const errors = validate(this.options.planner.apiGraphQLSchema, document, [...specifiedRules, ...(this.options.validationRules ?? [])]);
    if (errors.length) return errors.map((e) => codedError('GRAPHQL_VALIDATION_FAILED', e.message, e.extensions, { nodes: e.nodes }));
    if (query.length <= CHECKED_DOCUMENT_MAX_LENGTH) {
      if (this.checked.size >= CHECKED_DOCUMENTS) this.checked.delete(this.checked.keys().next().value!);
      this.checked.set(query, document);
    }
    return document;
  }

  private subscribe(args: ExecutionArgs): AsyncIterable<ExecutionResult> {
    const { id, authorization, socket, expiresAt } = args.contextValue as SubscriptionContext;
    const request = {
      document: args.document,
      operationName: args.operationName ?? undefined,
      variables: (args.variableValues ?? {}) as Record<string, unknown>,
      authorization,
    };
    return this.shared.subscribe(request, {
      expiresAt,
      onSlowConsumer: () => this.cutOff(socket, id),
      write: this.writer(socket, id),
      batch: (writes) => corked(socket, writes),
    });
  }

  /**
   * Frames events for one subscriber without going through graphql-ws per event: the payload is
   * formatted and serialised to bytes once per event for all (cached on the shared result object),
   * then joined to this subscription's own `{"id":..,"type":"next","payload":` bytes. Events the
   * kernel has not yet taken count against the buffer.
   */
  private writer(socket: WebSocket, id: string): (result: ExecutionResult) => boolean {
    const prefix = Buffer.from(`{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":`);
    const limit = this.options.maxBufferedEvents ?? 100;
    const unsent = new UnsentFrames(socket);
    return (result) => {
      if (unsent.count() >= limit) return false;
      if (socket.readyState !== WebSocket.OPEN) return true;
      const payload = this.serialised(result);
      const message = Buffer.concat([prefix, payload], prefix.length + payload.length);
      socket.send(message, { binary: false });
      unsent.sent(message.length);
      return true;
    };
  }

  private serialised(result: ExecutionResult): Buffer {
    let bytes = this.payloads.get(result);
    if (bytes === undefined) {
      const formatted = result.errors ? { ...result, errors: result.errors.map((e) => this.options.formatError(toFormattedError(e))) } : result;
      bytes = Buffer.from(`${JSON.stringify(formatted)}}`);
      this.payloads.set(result, bytes);
    }
    return bytes;
  }

  /**
   * A client that stops reading gets, after what it has not read yet, a SLOW_CONSUMER error
   * and a close frame; it may reconnect and resume from its last cursor. If it does not
   * even read the close frame, the socket is dropped a little later.
   */
  private cutOff(socket: WebSocket, id: string): void {
    if (socket.readyState !== WebSocket.OPEN) return;
    const errors = [this.options.formatError(formattedError('SLOW_CONSUMER', new SlowConsumerError().message))];
    socket.send(stringifyMessage({ id, type: MessageType.Error, payload: errors }));
    socket.close(SLOW_CONSUMER_CLOSE, closeReason('SLOW_CONSUMER'));
    setTimeout(() => socket.terminate(), 5_000).unref();
  }
}

/**
 * Runs `writes` with the socket's TCP stream corked, so the frames they send reach the kernel in one
 * writev. ws corks around each frame but has no public way to hold a cork across several.
 */
function corked(socket: WebSocket, writes: () => void): void {
  const stream = (socket as unknown as { _socket?: Duplex })._socket;
  if (!stream) return writes();
  stream.cork();
  try {
    writes();
  } finally {
    stream.uncork();
  }
}

/**
 * How many of the frames written to a socket the kernel has not yet taken, read from ws's
 * `bufferedAmount` (bytes) rather than from a callback per write, which cost more than the
 * rest of the send. Unsent bytes are always the newest written, so the frames still unsent
 * are those ending past `written - bufferedAmount`. Control frames (pings, pongs) buffered
 * beside them make this count at most one frame too many.
 */
export class UnsentFrames {
  /** Bytes of every frame sent so far, headers included. */
  private written = 0;
  /** Where each frame not yet known to be taken ends, as a count of `written` bytes, oldest first. */
  private readonly ends: number[] = [];
  private first = 0;

  constructor(private readonly socket: Pick<WebSocket, 'bufferedAmount'>) {}

  /** A text frame of `length` payload bytes was sent (an unmasked server frame: 2, 4 or 10 header bytes). */
  sent(length: number): void {
    this.written += length + (length < 126 ? 2 : length < 65_536 ? 4 : 10);
    this.ends.push(this.written);
  }

  count(): number {
    const taken = this.written - this.socket.bufferedAmount;
    while (this.first < this.ends.length && this.ends[this.first] <= taken) this.first += 1;
    if (this.first === this.ends.length || this.first > 1_024) {
      this.ends.splice(0, this.first);
      this.first = 0;
    }
    return this.ends.length - this.first;
  }
}
