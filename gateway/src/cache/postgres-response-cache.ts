import { EventEmitter } from 'node:events';
import { Pool } from 'pg';
import { etagOf, type CachedAnswer, type ResponseCache, type ResponseCacheStats } from './response-cache';

/** Tables in the first schema of the role's search_path: the gateway role's own schema in deployments (infra/deploy/postgres/init.sh). */
export const ANSWER_TABLE = 'response_cache_answer';
const GENERATION_TABLE = 'response_cache_generation';
/** Stands for "everything" in the generation table: bumped by clear(). */
const ALL = '*';

/** Created at start, idempotently, under an advisory lock so replicas starting together do not race. */
const DDL = `
  CREATE TABLE IF NOT EXISTS ${ANSWER_TABLE} (
    key text PRIMARY KEY,
    body text NOT NULL,
    content_type text NOT NULL,
    etag text NOT NULL,
    subgraphs text[] NOT NULL,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX IF NOT EXISTS response_cache_answer_subgraphs ON ${ANSWER_TABLE} USING gin (subgraphs);
  CREATE INDEX IF NOT EXISTS response_cache_answer_expires_at ON ${ANSWER_TABLE} (expires_at);
  CREATE TABLE IF NOT EXISTS ${GENERATION_TABLE} (subgraph text PRIMARY KEY, generation bigint NOT NULL);
`;

interface AnswerRow {
  body: string;
  content_type: string;
  etag: string;
  subgraphs: string[];
  expires_at: Date;
}

/**
 * Anonymous answers in PostgreSQL, shared by every gateway replica (RESPONSE_CACHE=postgres): an
 * answer one replica stored is a hit on the others, and an eviction by any replica drops it for all.
 * The read/commit race is guarded as in memory, by a generation per subgraph, but in the database:
 * `set` holds the generations' rows FOR SHARE while it compares and inserts, and an eviction bumps
 * them (row lock) in the same transaction as its DELETE, so one always sees the other.
 * Expired rows are never served and are swept every `sweepMs`.
 */
export class PostgresResponseCache extends EventEmitter implements ResponseCache {
  enabled = true;
  private readonly stats = { hits: 0, misses: 0, stored: 0, evicted: 0, entries: 0 };
  private readonly sweeper: NodeJS.Timeout;

  private constructor(
    private readonly pool: Pool,
    sweepMs: number,
  ) {
    super();
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), sweepMs).unref();
  }

  static async open(databaseUrl: string, { sweepMs = 30_000 } = {}): Promise<PostgresResponseCache> {
    const pool = new Pool({ connectionString: databaseUrl, application_name: 'gateway-response-cache-store', max: 10 });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('${ANSWER_TABLE}'))`);
      await client.query(DDL);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      await pool.end();
      throw error;
    }
    client.release();
    return new PostgresResponseCache(pool, sweepMs);
  }

  async get(key: string, now = Date.now()): Promise<CachedAnswer | undefined> {
    if (!this.enabled) {
      this.stats.misses += 1;
      return undefined;
    }
    const { rows } = await this.pool.query<AnswerRow>(
      `SELECT body, content_type, etag, subgraphs, expires_at FROM ${ANSWER_TABLE} WHERE key = $1 AND expires_at > $2`,
      [key, new Date(now)],
    );
    const row = rows[0];
    if (!row) {
      this.stats.misses += 1;
      return undefined;
    }
    this.stats.hits += 1;
    return { body: row.body, contentType: row.content_type, etag: row.etag, subgraphs: row.subgraphs, expiresAt: row.expires_at.getTime() };
  }

  async snapshot(subgraphs: readonly string[]): Promise<string> {
    const names = [ALL, ...subgraphs];
    const { rows } = await this.pool.query<{ subgraph: string; generation: string }>(
      `SELECT subgraph, generation FROM ${GENERATION_TABLE} WHERE subgraph = ANY($1)`,
      [names],
    );
    return generationsOf(names, rows);
  }

  async set(key: string, answer: Omit<CachedAnswer, 'etag'>, snapshot: string): Promise<CachedAnswer | undefined> {
    if (!this.enabled) return undefined;
    const cached = { ...answer, etag: etagOf(answer.body) };
    const names = [ALL, ...answer.subgraphs];
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${GENERATION_TABLE} (subgraph, generation) SELECT unnest($1::text[]), 0 ON CONFLICT DO NOTHING`, [names]);
      const { rows } = await client.query<{ subgraph: string; generation: string }>(
        `SELECT subgraph, generation FROM ${GENERATION_TABLE} WHERE subgraph = ANY($1) ORDER BY subgraph FOR SHARE`,
        [names],
      );
      if (generationsOf(names, rows) !== snapshot) {
        await client.query('ROLLBACK');
        return undefined;
      }
      await client.query(
        `INSERT INTO ${ANSWER_TABLE} (key, body, content_type, etag, subgraphs, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (key) DO UPDATE SET body = excluded.body, content_type = excluded.content_type, etag = excluded.etag,
           subgraphs = excluded.subgraphs, expires_at = excluded.expires_at`,
        [key, cached.body, cached.contentType, cached.etag, cached.subgraphs, new Date(cached.expiresAt)],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.stats.stored += 1;
    return cached;
  }

  async evictSubgraph(subgraph: string): Promise<void> {
    const evicted = await this.bumpAndDelete(subgraph, `DELETE FROM ${ANSWER_TABLE} WHERE $1 = ANY(subgraphs)`);
    this.stats.evicted += evicted;
    this.emit('evicted', subgraph);
  }

  async clear(): Promise<void> {
    this.stats.evicted += await this.bumpAndDelete(ALL, `DELETE FROM ${ANSWER_TABLE} WHERE $1::text IS NOT NULL`);
  }

  /** Removes expired rows; also refreshes the entry count statistics() reports. */
  async sweep(): Promise<void> {
    await this.pool.query(`DELETE FROM ${ANSWER_TABLE} WHERE expires_at <= now()`);
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ANSWER_TABLE}`);
    this.stats.entries = rows[0].n;
  }

  statistics(): ResponseCacheStats {
    return { ...this.stats };
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.pool.end();
  }

  private async bumpAndDelete(subgraph: string, deletion: string): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ${GENERATION_TABLE} (subgraph, generation) VALUES ($1, 1)
         ON CONFLICT (subgraph) DO UPDATE SET generation = ${GENERATION_TABLE}.generation + 1`,
        [subgraph],
      );
      const { rowCount } = await client.query(deletion, [subgraph]);
      await client.query('COMMIT');
      return rowCount ?? 0;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** The generations of `names` in their order, 0 for a subgraph never evicted. */
function generationsOf(names: readonly string[], rows: readonly { subgraph: string; generation: string }[]): string {
  const bySubgraph = new Map(rows.map((r) => [r.subgraph, r.generation]));
  return names.map((n) => bySubgraph.get(n) ?? '0').join(',');
}
