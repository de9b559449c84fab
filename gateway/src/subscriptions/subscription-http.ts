import { once } from 'node:events';
import type { Express, Request, RequestHandler, Response } from 'express';
import { getOperationAST, parse, visit, type ExecutionArgs, type ExecutionResult, type GraphQLError, type GraphQLFormattedError } from 'graphql';
import { tokenOutcome } from '../auth/verify-token';
import { formattedError } from '../errors/coded-error';
import { toFormattedError, type ErrorFormatter } from '../errors/error-formatter';
import { jsonBodyWithLimit } from '../http/json-body-limit';
import { CAPACITY_RETRY_AFTER_SECONDS, type SubscriberCapacity } from '../limits/subscriber-capacity';
import { cursorOf, SlowConsumerError, UpstreamError } from './shared-subscription';

/** What the WebSocket server already does, offered to the HTTP transports so they behave the same. */
export interface SubscriptionStreamOptions {
  /** Parses and validates the operation (the same limits as WebSocket and HTTP queries). */
  prepare(payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null }): ExecutionArgs | GraphQLError[];
  subscribe(
    args: ExecutionArgs,
    subscriber: { authorization?: string; expiresAt?: number; after?: string; onSlowConsumer(): void },
  ): AsyncIterableIterator<ExecutionResult>;
  formatError: ErrorFormatter;
  bodyLimitBytes: number;
  /** The trusted-documents check of /graphql, run first on these routes too (it replaces a documentId by its document). */
  trustedDocuments?: RequestHandler;
  /** Room for subscription connections, shared with the WebSockets: a full process answers 503 with Retry-After. Default: not counted. */
  capacity?: SubscriberCapacity;
  /** A comment (SSE) or an empty part (multipart) this often keeps proxies from closing a quiet stream. Default 12 s. */
  heartbeatMs?: number;
}

/** How one transport frames what a subscription produces. */
interface Framing {
  contentType: string;
  /** Written once, before the first event. */
  start: string;
  next(result: GraphQLFormattedResult, cursor: string | null): string;
  /** The stream ends with errors that are not a result (SLOW_CONSUMER, an upstream failure). */
  fail(errors: readonly GraphQLFormattedError[]): string;
  end: string;
  heartbeat: string;
}

type GraphQLFormattedResult = { data?: unknown; errors?: readonly GraphQLFormattedError[] };

/** Server-Sent Events as graphql-sse's "distinct connections" clients read them; `id` is the cursor, for Last-Event-ID. */
const SSE: Framing = {
  contentType: 'text/event-stream; charset=utf-8',
  start: '',
  next: (result, cursor) => `${cursor === null ? '' : `id: ${cursor}\n`}event: next\ndata: ${JSON.stringify(result)}\n\n`,
  fail: (errors) => `event: next\ndata: ${JSON.stringify({ errors })}\n\n`,
  end: 'event: complete\ndata:\n\n',
  heartbeat: ':\n\n',
};

/**
 * Apollo's multipart HTTP subscription protocol (subscriptionSpec 1.0), as Apollo Client and Router speak
 * it: every part is followed at once by the boundary, so a client can read it without waiting for the next.
 */
const MULTIPART: Framing = {
  contentType: 'multipart/mixed; boundary="graphql"; subscriptionSpec="1.0"',
  start: '\r\n--graphql',
  next: (result) => part({ payload: result }),
  fail: (errors) => part({ payload: null, errors }),
  end: '--\r\n',
  heartbeat: part({}),
};

function part(body: unknown): string {
  return `\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(body)}\r\n--graphql`;
}

/** Whether the body asks for a subscription (anything else over multipart/mixed stays with Apollo Server). */
function isSubscription(body: { query?: unknown; operationName?: unknown }): boolean {
  if (typeof body.query !== 'string') return false;
  try {
    return getOperationAST(parse(body.query), typeof body.operationName === 'string' ? body.operationName : undefined)?.operation === 'subscription';
  } catch {
    return false;
  }
}

/** `defer` or `stream` when the document uses that directive (cheap text check first; most documents do not). */
function incrementalDirective(body: { query?: unknown }): string | null {
  if (typeof body.query !== 'string' || !/@(defer|stream)\b/.test(body.query)) return null;
  let found: string | null = null;
  try {
    visit(parse(body.query), {
      Directive: (node) => {
        if (node.name.value === 'defer' || node.name.value === 'stream') found = node.name.value;
      },
    });
  } catch {
    return null; // Apollo Server answers the parse error
  }
  return found;
}

/** A request's operation, from a JSON body (POST) or the query string (GET, as EventSource sends it). */
function payloadOf(req: Request): { query: string; variables?: Record<string, unknown>; operationName?: string } | null {
  const source = req.method === 'GET' ? req.query : (req.body as Record<string, unknown> | undefined);
  if (!source || typeof source.query !== 'string') return null;
  let variables = source.variables;
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables);
    } catch {
      return null;
    }
  }
  return {
    query: source.query,
    variables: (variables as Record<string, unknown> | undefined) ?? undefined,
    operationName: typeof source.operationName === 'string' ? source.operationName : undefined,
  };
}

/**
 * Subscriptions without WebSockets, over the same executor as graphql-ws (same validation, sharing,
 * resume, token expiry and slow-consumer rule; the HTTP token check and rate limits in front of
 * /graphql apply as to any request):
 * - Server-Sent Events at /graphql/stream (POST with a JSON body, or GET), for graphql-sse clients
 *   and EventSource; each event's `id` is its cursor, and `Last-Event-ID` resumes after it;
 * - Apollo's multipart subscriptions on /graphql (`Accept: multipart/mixed;subscriptionSpec="1.0"`).
 * `@defer`/`@stream` on /graphql get a coded BAD_REQUEST: the query planner here has no incremental delivery.
 * Mount before Apollo Server's /graphql handler.
 */
export function mountSubscriptionStreams(app: Express, options: SubscriptionStreamOptions): void {
  const body = jsonBodyWithLimit({ limitBytes: options.bodyLimitBytes });
  const trusted: RequestHandler = options.trustedDocuments ?? ((_req, _res, next) => next());
  const serve = (framing: Framing): RequestHandler => (req, res) => void stream(req, res, framing, options);
  app.get('/graphql/stream', trusted, serve(SSE));
  app.post('/graphql/stream', ...body, trusted, serve(SSE));
  app.post('/graphql', (req, res, next) => {
    const [parseJson, errors] = body;
    (parseJson as RequestHandler)(req, res, (error?: unknown) => {
      if (error) return (errors as unknown as (e: unknown, q: Request, s: Response, n: () => void) => void)(error, req, res, next);
      const accept = req.headers.accept ?? '';
      if (/multipart\/mixed/i.test(accept) && /subscriptionSpec/i.test(accept)) return trusted(req, res, () => multipartOrNext(req, res, next));
      multipartOrNext(req, res, next);
    });
  });

  function multipartOrNext(req: Request, res: Response, next: () => void): void {
    const deferred = incrementalDirective(req.body ?? {});
    if (deferred) {
      res.status(400).json({
        errors: [
          formattedError('BAD_REQUEST', `@${deferred} is not supported: this gateway's query planner runs without incremental delivery. Ask for the fields without @${deferred}, or split the operation`),
        ],
      });
      return;
    }
    const accept = req.headers.accept ?? '';
    if (!/multipart\/mixed/i.test(accept) || !/subscriptionSpec/i.test(accept) || !isSubscription(req.body ?? {})) return next();
    void stream(req, res, MULTIPART, options);
  }
}

async function stream(req: Request, res: Response, framing: Framing, options: SubscriptionStreamOptions): Promise<void> {
  const payload = payloadOf(req);
  if (!payload) {
    res.status(400).json({ errors: [formattedError('BAD_REQUEST', 'Send {"query": "subscription ..."} as JSON, or query= in the URL')] });
    return;
  }
  const prepared = options.prepare(payload);
  if (Array.isArray(prepared)) {
    res.status(400).json({ errors: prepared.map((e) => options.formatError(toFormattedError(e))) });
    return;
  }
  if (options.capacity && !options.capacity.admit(res)) {
    res.setHeader('retry-after', String(CAPACITY_RETRY_AFTER_SECONDS));
    res.status(503).json({ errors: [formattedError('SUBSCRIPTIONS_AT_CAPACITY', 'This gateway holds as many subscriptions as it can; retry after a few seconds')] });
    return;
  }
  const outcome = tokenOutcome(res);
  const claims = outcome && 'claims' in outcome ? outcome.claims : null;
  const lastEventId = req.headers['last-event-id'];
  let cutOff = false;
  const events = options.subscribe(prepared, {
    authorization: req.headers.authorization,
    expiresAt: claims ? claims.exp * 1000 : undefined,
    after: typeof lastEventId === 'string' && lastEventId ? lastEventId : undefined,
    onSlowConsumer: () => {
      // Said after what it has not read yet; a client that reads nothing more is dropped soon after.
      cutOff = true;
      res.end(framing.fail([options.formatError(formattedError('SLOW_CONSUMER', new SlowConsumerError().message))]) + framing.end);
      setTimeout(() => res.destroy(), 5_000).unref();
    },
  });
  res.writeHead(200, { 'content-type': framing.contentType, 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' });
  res.flushHeaders();
  if (framing.start) res.write(framing.start);
  const closed = once(res, 'close');
  void closed.then(() => events.return?.());
  const heartbeat = setInterval(() => res.write(framing.heartbeat), options.heartbeatMs ?? 12_000);
  try {
    for await (const result of events) {
      const formatted = result.errors ? { ...result, errors: result.errors.map((e) => options.formatError(toFormattedError(e))) } : result;
      // Not reading: stop pulling events, so its buffer fills and the slow-consumer rule applies.
      if (!res.write(framing.next(formatted as GraphQLFormattedResult, cursorOf(result)))) await Promise.race([once(res, 'drain'), closed]);
    }
    if (!res.writableEnded) res.end(framing.end);
  } catch (error) {
    if (cutOff || res.writableEnded) return;
    const errors = error instanceof UpstreamError ? error.errors : [toFormattedError(error as Error)];
    res.end(framing.fail(errors.map((e) => options.formatError(e))) + framing.end);
  } finally {
    clearInterval(heartbeat);
  }
}
