import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, Migration } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { installChangeNotices } from './change-notices';

/** One advisory lock key per subgraph schema: subgraphs sharing a database do not wait for each other. */
export function migrationLockKey(schema: string): string {
  return createHash('sha256').update(`rz:migrations:${schema}`).digest().readBigInt64BE(0).toString();
}

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so replicas
 * (or a migration job and a replica) starting together migrate one at a time: the
 * first applies them, the others wait and then find nothing pending. The lock is
 * held on a connection of its own, outside the pool, so a pool of one cannot
 * deadlock; if the process dies, the lock goes with its connection. Then every table gets its
 * change-notice trigger (change-notices.ts).
 */
export async function runMigrationsLocked(db: DataSource): Promise<Migration[]> {
  const { url, schema } = db.options as PostgresConnectionOptions;
  const key = migrationLockKey(schema ?? 'public');
  const lock = new Client({ connectionString: url, application_name: `${schema}-migrations-lock` });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1::bigint)', [key]);
    try {
      const applied = await db.runMigrations({ transaction: 'each' });
      // Under the same lock: replicas starting together would race on CREATE OR REPLACE.
      await installChangeNotices(db, schema ?? 'public');
      return applied;
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
    }
  } finally {
    await lock.end();
  }
}
