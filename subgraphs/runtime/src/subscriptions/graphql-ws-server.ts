import type { Server } from 'node:http';
import {
  createSourceEventStream,
  execute,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type ParseOptions,
  type ValidationRule,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { SubgraphContext } from '../context';
import type { Viewer } from '../auth/viewer';

/** Errors from the subscribe step, carried to graphql-ws's `error` message. */
export class SubscribeError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors[0]?.message ?? 'Subscription refused');
  }
}

async function* failWith(errors: readonly GraphQLError[]): AsyncGenerator<never> {
  throw new SubscribeError(errors);
}

/**
 * Runs the selection set once per source event. Unlike graphql's own subscribe, each
 * event gets a fresh context, so per-request DataLoaders never serve stale rows.
 * return() goes straight to the source, so an idle subscription is released at once.
 */
function mapEvents(source: AsyncIterable<unknown>, run: (event: unknown) => Promise<ExecutionResult>): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  const close = async (): Promise<IteratorResult<ExecutionResult>> => {
    await iterator.return?.();
    return { done: true, value: undefined };
  };
  return {
    async next() {
      const event = await iterator.next();
      return event.done ? { done: true, value: undefined } : { done: false, value: await run(event.value) };
    },
    return: close,
    async throw(error?: unknown) {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export interface GraphqlWsOptions {
  server: Server;
  schema: GraphQLSchema;
  /** The viewer of a connection's `authorization` param; throws UNAUTHENTICATED for a bad token. */
  viewerOf(authorization: string | undefined): Promise<Viewer | null>;
  createContext(viewer: Viewer | null): SubgraphContext;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** Whether a connection may stay (the gateway's shared secret); refused: closed with 4403. */
  acceptConnection?(connectionParams: Record<string, unknown> | undefined): boolean;
  /** The same query limits as HTTP. */
  validationRules?: readonly ValidationRule[];
  parseOptions?: ParseOptions;
  /** Largest WebSocket message accepted, in bytes (larger: closed with 1009). Default 1 MiB, the HTTP body limit. */
  maxPayloadBytes?: number;
}

/** `connection_init`'s authorization, whatever the key's case (GraphiQL sends `Authorization`). */
function connectionAuthorization(params: Record<string, unknown> | undefined): string | undefined {
  const key = Object.keys(params ?? {}).find((k) => k.toLowerCase() === 'authorization');
  const value = key === undefined ? undefined : params![key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * graphql-ws on the same path as HTTP GraphQL. The token travels in the
 * connection params (`{ authorization: "Bearer ..." }`, the key in any case) and is
 * verified at `connection_init`: a bad one closes the socket with 4401 and a coded
 * reason. A bad subscription gets an `error` message and the socket stays open.
 */
export function attachGraphqlWs(options: GraphqlWsOptions): { dispose(): Promise<void> } {
  const wss = new WebSocketServer({ server: options.server, path: '/graphql', maxPayload: options.maxPayloadBytes ?? 1024 * 1024 });
  const viewers = new WeakMap<object, Viewer | null>();
  const format = (errors: readonly GraphQLError[]) =>
    errors
      .flatMap((e) => (e.originalError instanceof SubscribeError ? e.originalError.errors : [e]))
      // graphql-ws wraps what the event stream throws (a DomainError such as CURSOR_EXPIRED) without a path: format the original.
      .map((e) => options.formatError(e.toJSON(), e.path === undefined && e.originalError ? e.originalError : e));

  const cleanup = useServer(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        if (!(options.acceptConnection?.(ctx.connectionParams) ?? true)) return false;
        try {
          viewers.set(ctx.extra.socket, await options.viewerOf(connectionAuthorization(ctx.connectionParams)));
          return true;
        } catch (error) {
          if (!(error instanceof GraphQLError) || error.extensions.code !== 'UNAUTHENTICATED') throw error;
          ctx.extra.socket.close(CloseCode.Unauthorized, JSON.stringify({ code: 'UNAUTHENTICATED', reason: error.extensions.reason }));
          return false;
        }
      },
      parse: (source) => parse(source, options.parseOptions),
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...(options.validationRules ?? [])]),
      context: (ctx) => options.createContext(viewers.get(ctx.extra.socket) ?? null),
      subscribe: async (args: ExecutionArgs) => {
        const source = await createSourceEventStream(args);
        // A refused subscribe (bad argument, no permission) becomes an `error` message, not `next` + `complete`.
        if (!(Symbol.asyncIterator in source)) return failWith(source.errors ?? [new GraphQLError('Subscription refused')]);
        const { viewer } = args.contextValue as SubgraphContext;
        return mapEvents(source, async (event) => execute({ ...args, rootValue: event, contextValue: options.createContext(viewer) }));
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => options.formatError(e.toJSON(), e)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
  );
  return {
    async dispose() {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
