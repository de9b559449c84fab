import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { createLogger, gatewaySecretParams, listSizeLimitFromConfig, queryLimitsFromConfig, tokenVerifierFromSettings, shutdownDelayMs } from '@rz/service-kit';
import { linkObservation, REQUEST_ID_HEADER } from '@rz/service-kit';
import express from 'express';
import { refuseBadToken, verifyToken } from '../auth/verify-token';
import { responseCacheFromConfig } from '../cache/response-cache-from-config';
import type { ResponseCache } from '../cache/response-cache';
import type { GatewayConfig } from '../config';
import { trustedDocuments, trustedDocumentsOptionsFromConfig } from '../documents/trusted-documents-middleware';
import { createErrorFormatter } from '../errors/error-formatter';
import { partialResultsPlugin } from '../errors/partial-results';
import { mountEvidenceEndpoint } from '../evidence/evidence-endpoint';
import { mountExport } from '../export/export-endpoint';
import { clientRateLimitsFromConfig } from '../limits/client-rate-limits';
import { mountRateLimits } from '../limits/rate-limit-middleware';
import { SubscriberCapacity } from '../limits/subscriber-capacity';
import { webSocketLimitsFromConfig } from '../limits/websocket-limits';
import { SubscriptionPlanner } from '../subscriptions/subscription-planner';
import { SubscriptionServer } from '../subscriptions/subscription-server';
import type { GatewayContext } from '../upstream/gateway-context';
import { operationResolutionPlugin } from '../upstream/operation-resolution';
import { identicalOperations } from '../upstream/identical-operations-middleware';
import { createSubgraphClient } from '../upstream/subgraph-client';
import { buildSubgraphDataSources } from '../upstream/subgraph-data-sources';
import { buildGateway, readSupergraph } from '../upstream/supergraph';
import { supergraphFields } from '../upstream/supergraph-fields';
import { mountCors } from './cors';
import { observeGateway } from './observability';
import { mountDashboard } from './dashboard-assets';
import { mountPublicPages } from './public-pages';
import { mountHealthRoutes } from './health-routes';
import { mountIdeAssets } from './ide-assets';
import { jsonBodyWithLimit } from './json-body-limit';
import { unhandledErrors } from './unhandled-errors';
import { offlineIdePlugin } from './offline-ide-plugin';
import { responseStatusPlugin } from './response-status';

export interface RunningGateway {
  url: string;
  port: number;
  subscriptions: SubscriptionServer;
  /** Answers /ready with 503 from now on, and keeps serving for SHUTDOWN_DELAY_MS (load balancers notice), before `stop`. */
  drain(): Promise<void>;
  /** The response cache, when RESPONSE_CACHE is on. */
  responseCache?: ResponseCache;
  stop(): Promise<void>;
}

/**
 * Assembles the gateway: Apollo Server for HTTP operations and the subscription
 * server for WebSocket ones on the same /graphql path (CORS for allowed origins, the
 * dashboard at /dashboard/), sharing the query limits,
 * the subgraph data sources, the token verifier (built once here) and the error
 * formatter (masking in production on both transports).
 */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';
  const tokens = tokenVerifierFromSettings(config);
  const formatError = createErrorFormatter({ production, logger });
  const subgraphClient = createSubgraphClient({ keepAliveMs: config.SUBGRAPH_KEEP_ALIVE_MS, timeoutMs: config.SUBGRAPH_TIMEOUT_MS });
  subgraphClient.warm(Object.values(config.subgraphUrls));

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  const httpServer = createServer(app);
  // Node closes idle keep-alive sockets after 5 s; a stalled event loop then closes sockets a client has
  // just sent a request on ("other side closed"). Clients and load balancers idle out well before 65 s.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const observability = observeGateway(app, httpServer, { config, logger });
  let loaded = false;
  let draining = false;
  const supergraphSdl = readSupergraph(config);
  const answers = await responseCacheFromConfig(config, supergraphSdl, logger);
  const dataSources = buildSubgraphDataSources(
    config,
    subgraphClient.send,
    supergraphFields(supergraphSdl),
    observability.upstream,
  );

  const limits = queryLimitsFromConfig(config);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: buildGateway(supergraphSdl, dataSources),
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    // runService stops us: Apollo's own handlers re-raise the signal and cut our cleanup short.
    stopOnTerminationSignals: false,
    // Automatic persisted queries: no client of ours uses them, and they let anyone fill a server-side cache.
    persistedQueries: false,
    formatError,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      production ? ApolloServerPluginLandingPageDisabled() : offlineIdePlugin(),
      ...limits.plugins,
      listSizeLimitFromConfig(config),
      operationResolutionPlugin(),
      observability.plugin,
      partialResultsPlugin(formatError),
      responseStatusPlugin(),
    ],
  });
  await apollo.start();
  const rateLimits = await clientRateLimitsFromConfig(config, tokens, logger);
  mountCors(app, config);
  app.use(['/graphql', '/export'], verifyToken(tokens));
  if (rateLimits.limits) mountRateLimits(app, rateLimits.limits);
  app.use(['/graphql', '/export'], refuseBadToken());
  // Open-data CSV: the same token check and rate limits as /graphql.
  mountExport(app, apollo);
  const documents = trustedDocumentsOptionsFromConfig(config);
  // WebSockets and HTTP streams draw on one budget: each holds heap for its life.
  const capacity = new SubscriberCapacity(config.SUBSCRIPTION_MAX_CONNECTIONS);
  const subscriptions = new SubscriptionServer({
    server: httpServer,
    planner: new SubscriptionPlanner(supergraphSdl),
    dataSources,
    subgraphUrls: config.subgraphUrls,
    logger,
    formatError,
    maxBufferedEvents: config.SUBSCRIPTION_MAX_BUFFERED_EVENTS,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    limits: webSocketLimitsFromConfig(config, rateLimits.limits, app.get('trust proxy fn'), observability.countRefusal, capacity),
    capacity,
    upstream: { connectionParams: gatewaySecretParams(config.SUBGRAPH_SHARED_SECRET) },
    maxPayloadBytes: config.GRAPHQL_BODY_LIMIT_BYTES,
    tokens,
    trustedDocuments: documents,
  });
  observability.watchSubscriptions(() => subscriptions.stats());
  subscriptions.mountHttp(app, config.GRAPHQL_BODY_LIMIT_BYTES);
  loaded = true;

  mountHealthRoutes(app, {
    subgraphUrls: config.subgraphUrls,
    isLoaded: () => loaded,
    isReady: () => loaded && !draining,
    subscriptionStats: () => subscriptions.stats(),
  });
  const evidence = await mountEvidenceEndpoint(app, config, tokens, logger);
  if (!production) mountIdeAssets(app);
  mountDashboard(app, config.DASHBOARD_DIR, logger);
  // QR links and monument pages are rukhani-qazyna's; the public reaches them here.
  const publicPages = mountPublicPages(app, { upstream: config.subgraphUrls['rukhani-qazyna'], timeoutMs: config.SUBGRAPH_TIMEOUT_MS });
  // Unsubscribe links in mails are the notifications subgraph's: GET shows the page, POST is RFC 8058 one-click.
  const unsubscribePages = mountPublicPages(app, { upstream: config.subgraphUrls.notifications, paths: ['/unsubscribe'], post: true, timeoutMs: config.SUBGRAPH_TIMEOUT_MS });
  app.use(
    '/graphql',
    ...jsonBodyWithLimit({ limitBytes: config.GRAPHQL_BODY_LIMIT_BYTES }),
    trustedDocuments(documents),
    answers.middleware,
    identicalOperations(),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        linkObservation(
          {
            authorization: req.headers.authorization,
            requestId: req.headers[REQUEST_ID_HEADER] as string,
            acceptLanguage: req.get('accept-language'),
            xLang: req.get('x-lang'),
            idempotencyKey: req.get('idempotency-key'),
          },
          req,
        ),
    }),
  );

  app.use(unhandledErrors(logger));

  // Node's default backlog (511) dropped thousands of handshakes when 10,000 subscribers reconnected at once;
  // the kernel caps this at net.core.somaxconn.
  await new Promise<void>((resolve) => httpServer.listen({ port: config.PORT, host: config.HOST, backlog: 4096 }, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;
  logger.info({ url }, 'gateway ready');
  return {
    url,
    port,
    subscriptions,
    responseCache: answers.cache,
    async drain() {
      draining = true;
      await sleep(shutdownDelayMs(config));
    },
    async stop() {
      await subscriptions.close();
      await apollo.stop();
      await subgraphClient.close();
      await publicPages.close();
      await unsubscribePages.close();
      await evidence.close();
      await answers.close();
      await rateLimits.close();
    },
  };
}
