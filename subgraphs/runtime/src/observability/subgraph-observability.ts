import type { Server } from 'node:http';
import {
  countWebSockets,
  metricsEndpoint,
  metricsServed,
  observePgPool,
  operationObservationPlugin,
  requestLog,
  routeLabeller,
  ServiceMetrics,
  type Logger,
  type PoolCounts,
  type RouteLabel,
} from '@rz/service-kit';
import type { Express } from 'express';
import type { DataSource } from 'typeorm';

export type { RouteLabel };

export interface SubgraphObservabilityOptions {
  config: { NODE_ENV: string; METRICS_TOKEN?: string };
  logger: Logger;
  db: DataSource;
  /** The subgraph's own routes (see SubgraphDefinition.routeLabels). */
  routeLabels?: readonly RouteLabel[];
}

/**
 * Request logs and metrics of a subgraph: mounted before any route, so that every request
 * gets its id and its log line; /metrics (behind METRICS_TOKEN when set, not served in
 * production without it); open WebSockets; the TypeORM pool.
 */
export function observeSubgraph(app: Express, server: Server, options: SubgraphObservabilityOptions) {
  const metrics = new ServiceMetrics();
  const production = options.config.NODE_ENV === 'production';
  app.use(requestLog({ logger: options.logger, metrics, routeOf: routeLabeller(options.routeLabels) }));
  const token = options.config.METRICS_TOKEN;
  if (metricsServed({ token, production })) app.get('/metrics', metricsEndpoint({ metrics, token, production }));
  countWebSockets(server, metrics);
  // TypeORM's postgres driver keeps its node-postgres pool as `master`.
  observePgPool(metrics, () => (options.db.driver as unknown as { master?: PoolCounts }).master);
  return { metrics, plugin: operationObservationPlugin() };
}
