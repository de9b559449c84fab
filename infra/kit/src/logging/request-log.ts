import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { trace } from '@opentelemetry/api';
import type { ServiceMetrics, OperationLabels, OperationOutcome } from '../metrics/service-metrics';
import type { Logger } from './logger';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Ids from a proxy or a client are kept when they look like ids, never echoed when they could carry anything else. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The incoming `x-request-id` when it is sane, else a new UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** What one request's log line and metrics record; GraphQL fields are filled in by the observation plugin. */
export interface RequestObservation extends Partial<OperationLabels> {
  requestId: string;
  traceId?: string;
  /** Set when the request ran through Apollo: its operation is measured too. */
  graphql?: boolean;
  /** The query limit that refused the operation (maxDepth, maxCost, ...). */
  refusedBy?: string;
}

const byRequest = new WeakMap<object, RequestObservation>();
/** On a GraphQL context: Apollo copies the context for each operation, and a symbol property goes along. */
const OBSERVATION = Symbol('rz.requestObservation');

/** The observation of a request, or of a GraphQL context linked to it (`linkObservation`). */
export function observationOf(key: object): RequestObservation | undefined {
  return (key as { [OBSERVATION]?: RequestObservation })[OBSERVATION] ?? byRequest.get(key);
}

/** Lets the GraphQL plugin find the request's observation from the context it built. */
export function linkObservation<T extends object>(context: T, req: IncomingMessage): T {
  const observation = byRequest.get(req);
  if (observation) Object.assign(context, { [OBSERVATION]: observation });
  return context;
}

/** A route label: a path prefix, or a label and the paths it stands for. */
export type RouteLabel = string | [label: string, paths: RegExp];

/** Every service's routes. */
const SERVICE_ROUTES: RouteLabel[] = ['/graphql', '/health', '/ready', '/metrics'];

/** The label of a path: a service route or the first matching one of `routes`, else `other` (raw paths would make a series per id). */
export function routeLabeller(routes: readonly RouteLabel[] = []): (path: string) => string {
  const all = [...SERVICE_ROUTES, ...routes];
  return (path) => {
    for (const route of all) {
      if (typeof route === 'string' ? path === route || path.startsWith(`${route}/`) : route[1].test(path)) {
        return typeof route === 'string' ? route : route[0];
      }
    }
    return 'other';
  };
}

export interface RequestLogOptions {
  logger: Logger;
  metrics?: ServiceMetrics;
  /** The route label of a path, from a fixed set (never the raw path: ids would explode the series). */
  routeOf(path: string): string;
  /** Routes logged at debug only (probes, scrapes). Default /health, /ready, /metrics. */
  quietRoutes?: readonly string[];
}

function outcomeOf(status: number, finished: boolean): OperationOutcome {
  if (!finished) return 'error';
  if (status === 429) return 'refused';
  return status >= 400 ? 'error' : 'ok';
}

/**
 * Middleware, mounted first: gives every request an id (the caller's `x-request-id` if
 * sane, else a new one), returns it in `X-Request-Id` and leaves it in the request headers
 * for forwarding; when the response ends, writes one log line and records the request
 * metrics. The line has ids, route, status, duration and the GraphQL operation, never
 * headers, variables or bodies.
 */
export function requestLog(options: RequestLogOptions): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const quiet = new Set(options.quietRoutes ?? ['/health', '/ready', '/metrics']);
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // Read now: express rewrites req.url inside mounted routers.
    const path = (req.url ?? '/').split('?')[0];
    const requestId = requestIdOf(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    // The http instrumentation (when tracing is on) has made the request's span active by now.
    const observation: RequestObservation = { requestId, traceId: trace.getActiveSpan()?.spanContext().traceId };
    byRequest.set(req, observation);
    res.setHeader('X-Request-Id', requestId);
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = options.routeOf(path);
      const method = req.method ?? 'GET';
      const status = res.statusCode;
      const outcome = observation.outcome ?? outcomeOf(status, res.writableFinished);
      options.metrics?.observeHttp(method, route, status, seconds);
      if (observation.graphql) options.metrics?.observeOperation({ ...observation, outcome }, seconds);
      const level = quiet.has(route) ? 'debug' : status >= 500 ? 'warn' : 'info';
      options.logger[level](
        {
          requestId,
          traceId: observation.traceId,
          method,
          route,
          status,
          durationMs: Math.round(seconds * 1e4) / 10,
          operationName: observation.operationName,
          operationType: observation.operationType,
          outcome,
          refusedBy: observation.refusedBy,
        },
        'request',
      );
    });
    next();
  };
}
