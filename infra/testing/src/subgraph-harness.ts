import { subgraphDbSchema } from '@rz/contract';
import { startSubgraph, type RunningSubgraph, type ServiceMap, type SubgraphConfig, type SubgraphDefinition } from '@rz/subgraph-runtime';
import { createTestDatabase, testEnv, type TestDatabase } from './test-env';

export interface TestSubgraph<S extends ServiceMap = ServiceMap> extends RunningSubgraph<S> {
  database: TestDatabase;
  /** Stops the server and drops the database. */
  close(): Promise<void>;
}

/** A subgraph on a random port over real HTTP, on its own fresh database, connected as its own role. */
export interface TestSubgraphOptions {
  seedDemo?: boolean;
  /** Settings a subgraph adds to the shared config shape (already parsed values). */
  settings?: Record<string, unknown>;
}

export async function startTestSubgraph<C extends SubgraphConfig, S extends ServiceMap>(
  definition: SubgraphDefinition<C, S>,
  options: TestSubgraphOptions = {},
): Promise<TestSubgraph<S>> {
  const database = await createTestDatabase();
  const own = database.subgraphs.find((s) => s.schema === subgraphDbSchema(definition.name))!;
  const env = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: own.url,
    DATABASE_POOL_SIZE: '5',
    LOG_LEVEL: 'silent',
    AUTH_JWKS_FILE: testEnv().jwksFile,
    MIGRATE_ON_START: 'true',
    SEED_DEMO: String(options.seedDemo ?? false),
    EVIDENCE_SECRET: testEnv().evidenceSecret,
    // Nothing listens there: a producing subgraph's relay keeps its outbox instead of reaching a dev system on 4106.
    NOTIFICATIONS_URL: 'http://127.0.0.1:9',
  };
  // The subgraph's own config parser, so its settings get the same defaults as in production.
  const running = await startSubgraph(definition, { ...definition.loadConfig(env), ...options.settings });
  return {
    ...running,
    database,
    async close() {
      await running.stop();
      await database.drop();
    },
  };
}
