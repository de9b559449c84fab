import { subgraphInfo, subgraphUrl, type SubgraphName } from '@rz/contract';
import {
  authSettings,
  booleanFlag,
  graphqlBodyLimitBytes,
  logLevel,
  metricsSettings,
  nodeEnv,
  portNumber,
  postgresUrl,
  queryLimitSettings,
  requireJwks,
  shutdownSettings,
  subgraphSharedSecret,
} from '@rz/service-kit';
import { z } from 'zod';

/** Settings every subgraph shares; a subgraph may extend the shape with its own. */
export function subgraphConfigShape(name: SubgraphName) {
  return z
    .object({
      NODE_ENV: nodeEnv,
      /** Interface to listen on. Default 127.0.0.1: only the machine itself; containers set 0.0.0.0. */
      HOST: z.string().default('127.0.0.1'),
      PORT: portNumber(subgraphInfo(name).port),
      DATABASE_URL: postgresUrl,
      DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
      LOG_LEVEL: logLevel,
      ...authSettings,
      MIGRATE_ON_START: booleanFlag.default(true),
      SEED_DEMO: booleanFlag.default(false),
      ...metricsSettings,
      /**
       * The secret the gateway sends (X-Gateway-Secret header, graphql-ws connection parameter).
       * Set: every /graphql request without it is refused (401, or 403 when wrong). Required to serve in
       * production (checked at start, so the one-shot migrator does not need it).
       */
      SUBGRAPH_SHARED_SECRET: subgraphSharedSecret,
      // The gateway's limits, with its defaults, for callers that reach the subgraph directly.
      ...queryLimitSettings,
      /** Largest JSON body on /graphql. Default 1 MiB: the gateway's entity fetches carry up to QUERY_MAX_PAGED_ROWS representations. */
      GRAPHQL_BODY_LIMIT_BYTES: graphqlBodyLimitBytes(1024 * 1024),
      /** Base URL of the notifications subgraph, where a producing subgraph's relay delivers its outbox. */
      NOTIFICATIONS_URL: z.url().default(new URL(subgraphUrl('notifications')).origin),
      /** Relay: how often the outbox is read besides LISTEN wake-ups (and the first retry delay). Default 1000 ms. */
      NOTIFICATION_RELAY_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
      /** Relay: how long one delivery may take. Default 10000 ms. */
      NOTIFICATION_RELAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
      /** Delivered outbox rows are kept this long (for audit), then deleted. Default 7 days. */
      NOTIFICATION_OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
      /** After SIGTERM: /ready answers 503 while the subgraph still serves, this long, before it drains. Default 5000 ms in production, 0 elsewhere. */
      ...shutdownSettings,
    })
    .refine(...requireJwks);
}

export type SubgraphConfig = z.output<ReturnType<typeof subgraphConfigShape>>;
