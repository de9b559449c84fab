import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { Logger } from '@rz/service-kit';
import { StatementCounter } from './statement-counter';

export interface SubgraphDataSourceOptions {
  url: string;
  /** The subgraph's own PostgreSQL schema; tables and the migrations table live there. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  logger: Logger;
}

export function createSubgraphDataSource(options: SubgraphDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['query', 'error', 'warn', 'migration'],
    logger: new StatementCounter(options.logger),
    maxQueryExecutionTime: 1000,
    // Raw SQL in migrations and services relies on the search path, never on a hard-coded schema.
    extra: { max: options.poolSize ?? 10, options: `-c search_path=${options.schema}` },
  });
}

export function statementCounter(db: DataSource): StatementCounter {
  return db.logger as StatementCounter;
}
