import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { SubgraphName } from '@rz/contract';
import { linkObservation, type ServiceMetrics } from '@rz/service-kit';
import {
  bodyRefusal,
  createLogger,
  listSizeLimitFromConfig,
  queryLimitsFromConfig,
  requireSecretInProduction,
  runService,
  shutdownDelayMs,
  tokenVerifierFromSettings,
  type Logger,
} from '@rz/service-kit';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { viewerFromAuthorization } from './auth/viewer-token';
import type { SubgraphConfig } from './config';
import { createContext, type ServiceMap, type SubgraphContext } from './context';
import { localizedErrorsPlugin } from './localized-errors';
import { requestLang } from './request-lang';
import { createSubgraphDataSource } from './database/data-source';
import { runMigrationsLocked } from './database/run-migrations';
import { createErrorFormatter } from './format-error';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency/idempotency-key';
import { gatewayOnly, gatewayOnlyConnection } from './gateway-only';
import { observeSubgraph, type RouteLabel } from './observability/subgraph-observability';
import { attachGraphqlWs } from './subscriptions/graphql-ws-server';
import { NotificationRelay } from './notifications/notification-relay';

/**
 * What a subgraph package provides; the runtime does the rest. Typed by the
 * subgraph's own config and services, so neither is ever cast.
 */
export interface SubgraphDefinition<C extends SubgraphConfig = SubgraphConfig, S extends ServiceMap = ServiceMap> {
  name: SubgraphName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  buildSchema(): Promise<GraphQLSchema>;
  /** Parses this subgraph's environment (the shared shape plus its own settings); tests use it to get the same defaults. */
  loadConfig(env?: Record<string, string | undefined>): C;
  /** Loads demo data into an empty database; must be idempotent. */
  seedDemo?(db: DataSource, logger: Logger): Promise<void>;
  /** Extra HTTP routes (for example QR redirects), mounted before /graphql. */
  routes?(app: Express, deps: { db: DataSource; logger: Logger; config: C }): void;
  /** Labels for those routes in request logs and metrics (anything else is `other`). */
  routeLabels?: RouteLabel[];
  /**
   * Long-lived process services (a LISTEN connection, timers), started after
   * migrations and stopped on shutdown; resolvers reach them as `ctx.services`.
   */
  startServices?(deps: { db: DataSource; config: C; logger: Logger }): Promise<ProcessServices<S>>;
  /** It writes notifications (`enqueueNotification`) and has a `notification_outbox`: the runtime runs its relay. */
  producesNotifications?: boolean;
}

export interface ProcessServices<S extends ServiceMap = ServiceMap> {
  readonly services: S;
  stop(): Promise<void>;
  /** Registers the services' own metrics (outbox lag, ...). */
  observe?(metrics: ServiceMetrics): void;
}

export interface RunningSubgraph<S extends ServiceMap = ServiceMap> {
  url: string;
  port: number;
  db: DataSource;
  server: Server;
  services: S;
  /** The outbox relay, when the subgraph produces notifications. */
  notificationRelay: NotificationRelay | undefined;
  /** Answers /ready with 503 from now on, and keeps serving for SHUTDOWN_DELAY_MS, before `stop`. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Node closes idle keep-alive sockets after 5 s by default, while clients (the
 * gateway) may reuse them later; a longer server timeout removes that race.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Body-parser failures as coded GraphQL errors (413 PAYLOAD_TOO_LARGE, 400 BAD_REQUEST), never an HTML page. */
const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const refusal = bodyRefusal(error);
  if (!refusal) return next(error);
  res.status(refusal.status).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
};

export async function startSubgraph<C extends SubgraphConfig, S extends ServiceMap>(definition: SubgraphDefinition<C, S>, config: C): Promise<RunningSubgraph<S>> {
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';
  requireSecretInProduction(config);
  const db = createSubgraphDataSource({
    url: config.DATABASE_URL,
    schema: definition.name.replace(/-/g, '_'),
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: config.DATABASE_POOL_SIZE,
    logger,
  });
  await db.initialize();
  if (config.MIGRATE_ON_START) await runMigrationsLocked(db);
  if (config.SEED_DEMO && definition.seedDemo) await definition.seedDemo(db, logger);
  const processServices: ProcessServices<S> = (await definition.startServices?.({ db, config, logger })) ?? { services: {} as S, stop: async () => undefined };
  const notificationRelay = definition.producesNotifications
    ? new NotificationRelay({
        source: definition.name,
        db,
        databaseUrl: config.DATABASE_URL,
        notificationsUrl: config.NOTIFICATIONS_URL,
        sharedSecret: config.SUBGRAPH_SHARED_SECRET,
        logger,
        pollMs: config.NOTIFICATION_RELAY_POLL_MS,
        timeoutMs: config.NOTIFICATION_RELAY_TIMEOUT_MS,
        retentionDays: config.NOTIFICATION_OUTBOX_RETENTION_DAYS,
      })
    : undefined;
  await notificationRelay?.start();
  const tokens = tokenVerifierFromSettings(config);
  const viewerOf = (authorization: string | undefined) => viewerFromAuthorization(tokens, authorization);

  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  const observability = observeSubgraph(app, server, { config, logger, db, routeLabels: definition.routeLabels });
  processServices.observe?.(observability.metrics);
  notificationRelay?.observe(observability.metrics);

  // The gateway's limits: a subgraph reached directly is no softer than the gateway.
  const limits = queryLimitsFromConfig(config);
  const plugins: ApolloServerPlugin<SubgraphContext>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer: server }),
    ApolloServerPluginLandingPageDisabled(),
    // Traces are for Apollo GraphOS, which this deployment does not use.
    ApolloServerPluginInlineTraceDisabled(),
    observability.plugin,
    ...limits.plugins,
    listSizeLimitFromConfig(config),
    localizedErrorsPlugin,
  ];
  const schema = await definition.buildSchema();
  const formatError = createErrorFormatter(logger, production);
  const contextFor = (viewer: SubgraphContext['viewer'], lang: SubgraphContext['lang'] = null, idempotencyKey: string | null = null) =>
    createContext<C, S>({ viewer, db, logger, config, services: processServices.services, lang, idempotencyKey }) as unknown as SubgraphContext;
  const ws = schema.getSubscriptionType()
    ? attachGraphqlWs({
        server,
        schema,
        viewerOf,
        createContext: contextFor,
        formatError,
        acceptConnection: gatewayOnlyConnection(config.SUBGRAPH_SHARED_SECRET),
        validationRules: limits.validationRules,
        parseOptions: limits.parseOptions,
        maxPayloadBytes: config.GRAPHQL_BODY_LIMIT_BYTES,
      })
    : undefined;
  const apollo = new ApolloServer<SubgraphContext>({
    schema,
    // runService stops us: Apollo's own handlers re-raise the signal and cut our cleanup short.
    stopOnTerminationSignals: false,
    plugins,
    introspection: !production,
    // No "Did you mean ...?" hints about the schema in production.
    hideSchemaDetailsFromClientErrors: production,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    includeStacktraceInErrorResponses: !production,
    formatError,
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: definition.name });
  });
  let draining = false;
  app.get('/ready', async (_req, res) => {
    if (draining) return res.status(503).json({ status: 'unavailable', service: definition.name, reason: 'draining' });
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ready', service: definition.name });
    } catch {
      res.status(503).json({ status: 'unavailable', service: definition.name, reason: 'database' });
    }
  });
  definition.routes?.(app, { db, logger, config });
  app.use(
    '/graphql',
    gatewayOnly(config.SUBGRAPH_SHARED_SECRET),
    express.json({ limit: config.GRAPHQL_BODY_LIMIT_BYTES }),
    bodyErrors,
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        linkObservation(contextFor(await viewerOf(req.headers.authorization), requestLang(req), req.get(IDEMPOTENCY_KEY_HEADER) ?? null), req),
    }),
  );

  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;
  logger.info({ url }, 'subgraph ready');

  return {
    url,
    port,
    db,
    server,
    services: processServices.services,
    notificationRelay,
    async drain() {
      draining = true;
      await sleep(shutdownDelayMs(config));
    },
    async stop() {
      await ws?.dispose();
      await apollo.stop();
      await processServices.stop();
      await notificationRelay?.stop();
      await db.destroy();
    },
  };
}

/** For entry points: read config (the definition's own module reads the environment), start, stop cleanly on SIGTERM/SIGINT, exit non-zero on startup failure. */
export function runSubgraph<C extends SubgraphConfig, S extends ServiceMap>(definition: SubgraphDefinition<C, S>): void {
  runService(definition.name, () => startSubgraph(definition, definition.loadConfig()));
}
