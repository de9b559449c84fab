import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { Pool } from 'pg';
import pino from 'pino';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { buildGateway, buildSubgraphDataSources, readSupergraph } from './gateway';
import { SubscriptionPlanner } from './subscriptions/subscription-planner';
import { SubscriptionServer } from './subscriptions/subscription-server';
import { createKeepAliveFetcher } from './extensions/keep-alive-fetcher';
import { mountIdeAssets, offlineIdePlugin } from './extensions/offline-ide';
import { mountHealthRoutes } from './extensions/readiness';
import { jsonBodyWithLimit } from './extensions/json-body-limit';
import { listSizeLimitFromConfig } from './extensions/list-size-limit';
import { maskErrors } from './extensions/mask-errors';
import { queryLimitsFromConfig } from './extensions/query-limits';
import { mountRateLimitsFromConfig } from './extensions/rate-limit';
import { webSocketLimitsFromConfig } from './extensions/websocket-limits';
import { mountEvidenceEndpoint } from './evidence/evidence-endpoint';
import { operationResolutionPlugin } from './extensions/operation-resolution';

export interface RunningGateway {
  url: string;
  port: number;
  subscriptions: SubscriptionServer;
  stop(): Promise<void>;
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = pino({ name: 'gateway', level: config.LOG_LEVEL });
  const production = config.NODE_ENV === 'production';
  const subgraphFetch = createKeepAliveFetcher({ keepAliveMs: config.SUBGRAPH_KEEP_ALIVE_MS, timeoutMs: config.SUBGRAPH_TIMEOUT_MS });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  let loaded = false;
  const supergraphSdl = readSupergraph(config);
  const dataSources = buildSubgraphDataSources(config, subgraphFetch.fetcher);

  const limits = queryLimitsFromConfig(config);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: buildGateway(supergraphSdl, dataSources),
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    // Automatic persisted queries: no client of ours uses them, and they let anyone fill a server-side cache.
    persistedQueries: false,
    formatError: maskErrors({ production, logger }),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      production ? ApolloServerPluginLandingPageDisabled() : offlineIdePlugin(),
      ...limits.plugins,
      listSizeLimitFromConfig(config),
      operationResolutionPlugin(),
    ],
  });
  await apollo.start();
  const rateLimitPool = config.RATE_LIMIT_DATABASE_URL ? new Pool({ connectionString: config.RATE_LIMIT_DATABASE_URL, max: 5 }) : undefined;
  // A dropped idle connection must not stop the gateway; the in-memory budget covers until it reconnects.
  rateLimitPool?.on('error', (error) => logger.warn({ err: error }, 'rate-limit database connection lost'));
  const rateLimits = await mountRateLimitsFromConfig(app, config, rateLimitPool);
  const subscriptions = new SubscriptionServer({
    server: httpServer,
    planner: new SubscriptionPlanner(supergraphSdl),
    dataSources,
    subgraphUrls: config.subgraphUrls,
    logger,
    maxBufferedEvents: config.SUBSCRIPTION_MAX_BUFFERED_EVENTS,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    limits: webSocketLimitsFromConfig(config, rateLimits, app.get('trust proxy fn')),
  });
  loaded = true;

  mountHealthRoutes(app, { subgraphUrls: config.subgraphUrls, isLoaded: () => loaded, subscriptionStats: () => subscriptions.stats() });
  const evidence = await mountEvidenceEndpoint(app, config, logger);
  if (!production) mountIdeAssets(app);
  app.use(
    '/graphql',
    ...jsonBodyWithLimit({ limitBytes: config.GRAPHQL_BODY_LIMIT_BYTES }),
    expressMiddleware(apollo, { context: async ({ req }) => ({ authorization: req.headers.authorization }) }),
  );

  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOST, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;
  logger.info({ url }, 'gateway ready');
  return {
    url,
    port,
    subscriptions,
    async stop() {
      await subscriptions.close();
      await apollo.stop();
      await subgraphFetch.close();
      await evidence.close();
      await rateLimitPool?.end();
    },
  };
}
