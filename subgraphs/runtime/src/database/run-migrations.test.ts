import { subgraphDbSchema } from '@rz/contract';
import { createLogger, parseConfig } from '@rz/service-kit';
import { createSubgraphDataSource, startSubgraph, subgraphConfigShape, type RunningSubgraph, type SubgraphDefinition } from '@rz/subgraph-runtime';
import { createTestDatabase, testEnv, type TestDatabase } from '@rz/test-support';
import { GraphQLBoolean, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { Client } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationLockKey } from './run-migrations';

// Plain CREATE TABLE (no IF NOT EXISTS), as real migrations are: a second run fails.
// The pause widens the window in which two replicas would otherwise both apply it.
class CreateProbe20261201000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE probe (id int PRIMARY KEY)');
    await q.query('SELECT pg_sleep(0.3)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE probe');
  }
}

class CreateProbeNote20261201000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE probe_note (id int PRIMARY KEY REFERENCES probe (id))');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE probe_note');
  }
}

const NAME = 'tarbie-bilim';

/** A subgraph with nothing but migrations, under a real name so it gets that subgraph's schema and role. */
const probeSubgraph: SubgraphDefinition = {
  name: NAME,
  entities: [],
  migrations: [CreateProbe20261201000000, CreateProbeNote20261201000001],
  loadConfig: (env = {}) => parseConfig(subgraphConfigShape(NAME), env),
  buildSchema: async () =>
    new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean, resolve: () => true } } }) }),
};

/** Two replicas of the probe subgraph started at the same moment on one database. */
async function startTogether(url: string, running: RunningSubgraph[]): Promise<string[]> {
  const config = probeSubgraph.loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: url,
    // A pool of one: the lock must not take the connection the migrations need.
    DATABASE_POOL_SIZE: '1',
    LOG_LEVEL: 'silent',
    AUTH_JWKS_FILE: testEnv().jwksFile,
    MIGRATE_ON_START: 'true',
  });
  const results = await Promise.allSettled([startSubgraph(probeSubgraph, config), startSubgraph(probeSubgraph, config)]);
  return results.map((r) => (r.status === 'fulfilled' ? (running.push(r.value), 'started') : String(r.reason)));
}

async function inspect(url: string): Promise<{ migrations: { name: string; count: string }[]; advisoryLocks: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; count: string }>('SELECT name, count(*) FROM migrations GROUP BY name ORDER BY name');
    const locks = await client.query(
      "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    );
    return { migrations: rows, advisoryLocks: locks.rowCount ?? 0 };
  } finally {
    await client.end();
  }
}

const BOTH_ONCE = [
  { name: 'CreateProbe20261201000000', count: '1' },
  { name: 'CreateProbeNote20261201000001', count: '1' },
];

describe('migrations on start with several replicas', () => {
  const databases: TestDatabase[] = [];
  const running: RunningSubgraph[] = [];

  const ownUrl = async () => {
    const database = await createTestDatabase();
    databases.push(database);
    return database.subgraphs.find((s) => s.schema === subgraphDbSchema(NAME))!.url;
  };

  afterAll(async () => {
    await Promise.all(running.map((r) => r.stop()));
    await Promise.all(databases.map((d) => d.drop()));
  });

  it('lets two replicas start together on an empty database, applying each migration once', async () => {
    const url = await ownUrl();
    expect(await startTogether(url, running)).toEqual(['started', 'started']);
    // Each migration once, and the lock released once both are up.
    expect(await inspect(url)).toEqual({ migrations: BOTH_ONCE, advisoryLocks: 0 });
  });

  it('lets two replicas of a new release start together, applying the new migration once', async () => {
    const url = await ownUrl();
    const previous = createSubgraphDataSource({
      url,
      schema: subgraphDbSchema(NAME),
      entities: [],
      migrations: [CreateProbe20261201000000],
      logger: createLogger('test', 'silent'),
    });
    await previous.initialize();
    await previous.runMigrations({ transaction: 'each' });
    await previous.destroy();

    expect(await startTogether(url, running)).toEqual(['started', 'started']);
    expect(await inspect(url)).toEqual({ migrations: BOTH_ONCE, advisoryLocks: 0 });
  });

  it('keys the lock by schema, so different subgraphs do not wait for each other', () => {
    expect(migrationLockKey('atameken')).toBe(migrationLockKey('atameken'));
    expect(migrationLockKey('atameken')).not.toBe(migrationLockKey('tarbie_bilim'));
    expect(BigInt(migrationLockKey('atameken'))).toBeLessThan(2n ** 63n);
  });
});
