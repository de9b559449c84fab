import type { IncomingMessage, Server } from 'node:http';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
import { codedError, formattedError } from '../errors/coded-error';
import { toFormattedError, type ErrorFormatter } from '../errors/error-formatter';
import type { WebSocketLimits } from '../limits/websocket-limits';
import { SharedSubscriptions, SlowConsumerError, UpstreamError, type SharedSubscriptionDeps } from './shared-subscription';
import { UpstreamClients, type UpstreamClientOptions } from './upstream-clients';

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
}

/** graphql-ws socket context at the gateway. */
interface SocketContext {
  authorization?: string;
  socket: WebSocket;
}

/**
 * Federated subscriptions over graphql-ws on the gateway's /graphql path (HTTP
 * queries and mutations stay with Apollo Server on the same path).
 */
export class SubscriptionServer {
  private readonly upstream = new UpstreamClients(this.options.upstream);
  private readonly shared: SharedSubscriptions;
  private readonly wss: WebSocketServer;
  private readonly cleanup: { dispose(): void | Promise<void> };

  constructor(private readonly options: SubscriptionServerOptions) {
    const { planner, dataSources, subgraphUrls, logger } = options;
    this.shared = new SharedSubscriptions({ planner, upstream: this.upstream, dataSources, subgraphUrls, logger }, options.maxBufferedEvents);
    const limits = options.limits;
    this.wss = new WebSocketServer({ server: options.server, path: '/graphql', verifyClient: limits?.verifyClient });
    if (limits) this.wss.on('connection', (socket, request) => limits.track(socket, request));
    this.cleanup = useServer<Record<string, unknown> | undefined, { socket: WebSocket; request: IncomingMessage }>(
      {
        context: (ctx): SocketContext => {
          const authorization = ctx.connectionParams?.authorization;
          return { authorization: typeof authorization === 'string' ? authorization : undefined, socket: ctx.extra.socket };
        },
        onSubscribe: async (ctx, id, payload) => {
          const refused = await limits?.admit({
            request: ctx.extra.request,
            authorization: typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined,
            // graphql-ws reserves the new id in `subscriptions` before this hook runs.
            activeSubscriptions: Object.keys(ctx.subscriptions).filter((other) => other !== id).length,
          });
          return refused ?? this.prepare(payload);
        },
        subscribe: (args) => this.subscribe(args),
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors ? { ...result, errors: result.errors.map((e) => options.formatError(toFormattedError(e))) } : undefined,
        onError: (_ctx, _id, _payload, errors) => errors.flatMap((e) => this.unwrap(e)).map(options.formatError),
      },
      this.wss,
    );
  }

  /** Open upstream subscriptions (shared groups) and the downstream subscribers they serve. */
  stats(): { upstream: number; downstream: number } {
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

  /**
   * Validates the operation against the public schema: bad ones get an `error` message before anything upstream,
   * coded as Apollo codes them over HTTP.
   */
  private prepare(payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null }): ExecutionArgs | GraphQLError[] {
    let document;
    try {
      document = parse(payload.query, this.options.parseOptions ?? { maxTokens: 3_000 });
    } catch (error) {
      return [
        error instanceof GraphQLError
          ? codedError('GRAPHQL_PARSE_FAILED', error.message, error.extensions, { source: error.source, positions: error.positions })
          : codedError('GRAPHQL_PARSE_FAILED', 'Could not parse the operation'),
      ];
    }
    const schema = this.options.planner.apiGraphQLSchema;
    const errors = validate(schema, document, [...specifiedRules, ...(this.options.validationRules ?? [])]);
    if (errors.length) return errors.map((e) => codedError('GRAPHQL_VALIDATION_FAILED', e.message, e.extensions, { nodes: e.nodes }));
    const operation = getOperationAST(document, payload.operationName ?? undefined);
    if (!operation) return [codedError('OPERATION_RESOLUTION_FAILURE', 'Unable to identify the operation')];
    if (operation.operation !== 'subscription') {
      return [codedError('BAD_REQUEST', 'Only subscriptions are served over WebSocket; send queries and mutations over HTTP')];
    }
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
    if (coerced.errors) return coerced.errors.map((e) => codedError('BAD_USER_INPUT', e.message));
    return { schema, document, operationName: payload.operationName ?? undefined, variableValues: payload.variables ?? {} };
  }

  private subscribe(args: ExecutionArgs): AsyncIterable<ExecutionResult> {
    const { authorization, socket } = args.contextValue as SocketContext;
    const request = {
      document: args.document,
      operationName: args.operationName ?? undefined,
      variables: (args.variableValues ?? {}) as Record<string, unknown>,
      authorization,
    };
    // A client that stops reading is cut off.
    return this.shared.subscribe(request, () => socket.terminate());
  }
}
