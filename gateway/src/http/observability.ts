import type { Server } from 'node:http';
import {
  countWebSockets,
  metricsEndpoint,
  metricsServed,
  operationObservationPlugin,
  requestLog,
  routeLabeller,
  ServiceMetrics,
  type Logger,
} from '@rz/service-kit';
import type { Express } from 'express';
import type { ObservabilityConfig, ServerConfig, UpstreamConfig } from '../config';
import { upstreamMetrics } from '../upstream/fetch-metrics';

/** Route labels of the gateway's own paths; monument pages are /<lang>/monuments/<id>. */
const GATEWAY_ROUTES = ['/evidence', '/dashboard', '/q', ['/monuments', /^\/[a-z]{2}\/monuments(\/|$)/] as [string, RegExp]];

export type RefusalKind = 'request' | 'upload' | 'ws_handshake' | 'ws_open' | 'ws_subscribe' | 'subscription_capacity';

/**
 * The gateway's request logs and metrics, mounted before any route: request ids, /metrics,
 * open WebSockets, subgraph fetches, client and upstream subscriptions, per-client and
 * query-limit refusals.
 */
export function observeGateway(
  app: Express,
  server: Server,
  options: { config: Pick<ServerConfig, 'NODE_ENV'> & ObservabilityConfig & Pick<UpstreamConfig, 'subgraphUrls'>; logger: Logger },
) {
  const { config, logger } = options;
  const metrics = new ServiceMetrics();
  const production = config.NODE_ENV === 'production';
  const refusals = metrics.counter('rz_limit_refusals_total', 'Requests, uploads, sockets and subscriptions refused by per-client limits', ['kind']);
  const queryLimitRefusals = metrics.counter('rz_query_limit_refusals_total', 'Operations refused by a query limit, before any subgraph call', ['limit']);
  const upstream = upstreamMetrics(metrics);

  app.use(requestLog({ logger, metrics, routeOf: routeLabeller(GATEWAY_ROUTES) }));
  // HTTP refusals are the rate limits' 429s (WebSocket ones are reported by the limits).
  app.use((req, res, next) => {
    res.once('finish', () => {
      if (res.statusCode === 429) refusals.inc({ kind: req.method === 'POST' && req.path.startsWith('/evidence') ? 'upload' : 'request' });
    });
    next();
  });
  if (metricsServed({ token: config.METRICS_TOKEN, production })) {
    app.get('/metrics', metricsEndpoint({ metrics, token: config.METRICS_TOKEN, production }));
  } else {
    logger.info('/metrics is not served: set METRICS_TOKEN to serve it in production');
  }
  countWebSockets(server, metrics);

  return {
    metrics,
    /** Subgraph fetch metrics, for the data sources. */
    upstream,
    plugin: operationObservationPlugin((limit) => queryLimitRefusals.inc({ limit })),
    countRefusal: (kind: RefusalKind) => refusals.inc({ kind }),
    /** Client (downstream) and upstream subscriptions, read at scrape time. */
    watchSubscriptions(stats: () => { upstream: number; downstream: number }): void {
      metrics.gauge('rz_subscriptions_active', 'Client subscriptions running', () => stats().downstream);
      metrics.gauge('rz_upstream_subscriptions_active', 'Subscriptions open to subgraphs (identical client subscriptions share one)', () => stats().upstream);
    },
  };
}
