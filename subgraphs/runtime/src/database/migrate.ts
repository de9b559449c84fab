/**
 * One-shot migrator for deployments (a Kubernetes Job per subgraph, before the
 * Deployment starts with MIGRATE_ON_START=false):
 *   node subgraphs/runtime/dist/database/migrate.js subgraphs/atameken
 * Loads the subgraph's definition (every subgraph package exports it as
 * `subgraph`), reads the environment with the subgraph's own config module,
 * applies pending migrations under the same advisory lock as MIGRATE_ON_START,
 * and exits 0, or 1 with the reason.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { createLogger } from '@rz/service-kit';
import type { SubgraphDefinition } from '../server';
import { createSubgraphDataSource } from './data-source';
import { runMigrationsLocked } from './run-migrations';

async function migrate(packageDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { subgraph } = require(resolve(packageDir)) as { subgraph: SubgraphDefinition };
  const config = subgraph.loadConfig();
  const logger = createLogger(`${subgraph.name}-migrate`, config.LOG_LEVEL);
  const db = createSubgraphDataSource({
    url: config.DATABASE_URL,
    schema: subgraph.name.replace(/-/g, '_'),
    entities: subgraph.entities,
    migrations: subgraph.migrations,
    poolSize: 1,
    logger,
  });
  await db.initialize();
  try {
    const applied = await runMigrationsLocked(db);
    logger.info({ applied: applied.map((m) => m.name) }, applied.length ? 'migrations applied' : 'no pending migrations');
  } finally {
    await db.destroy();
  }
}

const [packageDir] = process.argv.slice(2);
if (!packageDir) {
  process.stderr.write('usage: node subgraphs/runtime/dist/database/migrate.js <subgraph package folder>\n');
  process.exit(2);
}
migrate(packageDir).then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`migrations failed: ${error.message}\n`);
    process.exit(1);
  },
);
