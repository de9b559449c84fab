import { join } from 'node:path';
import { SUBGRAPHS, type SubgraphName } from '@rz/contract';
import { Client } from 'pg';
import { ensureDevKeys } from '../auth/dev-keys';
import { loadInfraConfig } from '../config';
import { launchSystem } from '../dev/system';
import { startEmbeddedPostgres } from '../postgres/embedded-postgres';
import { provisionDatabase, withClient, type SubgraphDatabase } from '../postgres/provision';
import { SCALE_ID_SQL } from './scale-id';

export interface ScaleTarget {
  /** Owner connection of each subgraph's schema. */
  databases: Record<SubgraphName, SubgraphDatabase>;
  describe: string;
  close(): Promise<void>;
}

/** Tables the seed writes, per schema, in load order. Child tables without an id follow their parent. */
export const SCALE_TABLES: Record<SubgraphName, readonly string[]> = {
  'rukhani-qazyna': ['monument', 'monument_condition_assessment', 'qr_code', 'qr_scan'],
  'tarbie-bilim': ['event', 'event_monument', 'event_registration'],
  // complaint_rollup: filled by complaint's triggers as the complaints load; listed to be VACUUM ANALYZEd.
  atameken: ['initiative', 'complaint', 'complaint_status_change', 'complaint_rollup'],
  'aqparat-tolqyny': ['media_plan', 'media_item', 'face', 'face_status_change', 'face_support', 'media_item_subject'],
  // Projects and reports are few: nothing to load at scale.
  'project-office': [],
  // Inboxes fill from the other subgraphs' events: nothing to load at scale.
  notifications: [],
};

/** Top-level tables that carry the scale id mark: what `--reset` deletes (the rest cascade or are cleared first). */
const MARKED: Record<SubgraphName, readonly string[]> = {
  'rukhani-qazyna': ['monument'],
  'tarbie-bilim': ['event'],
  atameken: ['complaint', 'initiative'],
  'aqparat-tolqyny': ['face', 'media_plan'],
  'project-office': [],
  notifications: [],
};

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * The database `npm start` uses, or the one named by `--database-url` (a superuser URL; its
 * path names the database, else DATABASE_NAME). The embedded server in .data is started when
 * nobody runs it (and stopped after); roles and schemas are provisioned as `npm start` does, and
 * if the subgraphs never ran there, they are started once to migrate and load the demo data.
 */
export async function openScaleTarget(databaseUrl: string | undefined, say: (line: string) => void): Promise<ScaleTarget> {
  const config = loadInfraConfig();
  let adminUrl = databaseUrl ?? config.DATABASE_URL;
  let database = config.DATABASE_NAME;
  if (adminUrl) {
    const url = new URL(adminUrl);
    const named = url.pathname.slice(1);
    if (named && named !== 'postgres') database = named;
    url.pathname = '/postgres';
    adminUrl = url.toString();
  }
  let stopPostgres: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const dataDir = join(config.DATA_DIR, 'postgres');
    adminUrl = `postgres://postgres:postgres@127.0.0.1:${config.EMBEDDED_POSTGRES_PORT}/postgres`;
    if (await reachable(adminUrl)) {
      say(`PostgreSQL (embedded, already running) on port ${config.EMBEDDED_POSTGRES_PORT}`);
    } else {
      const server = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_POSTGRES_PORT, persistent: true });
      adminUrl = server.adminUrl;
      stopPostgres = () => server.stop();
      say(`PostgreSQL (embedded) started on port ${config.EMBEDDED_POSTGRES_PORT}, data in ${dataDir}`);
    }
  }
  const provisioned = await provisionDatabase(adminUrl, database);
  const databases = Object.fromEntries(provisioned.map((d) => [d.name, d])) as Record<SubgraphName, SubgraphDatabase>;
  const target: ScaleTarget = {
    databases,
    describe: `database ${database} at ${new URL(adminUrl).host}`,
    close: async () => stopPostgres?.(),
  };
  try {
    if (!(await migrated(databases))) {
      say('The subgraphs have not migrated this database yet: starting them once (migrations and demo data)...');
      await migrateByStarting(provisioned, config.DATA_DIR);
    }
  } catch (error) {
    await target.close();
    throw error;
  }
  return target;
}

async function migrated(databases: Record<SubgraphName, SubgraphDatabase>): Promise<boolean> {
  for (const { name } of SUBGRAPHS) {
    const missing = await withClient(databases[name].url, async (client) => {
      const { rows } = await client.query<{ t: string }>(
        `SELECT t FROM unnest($1::text[]) AS t WHERE to_regclass(quote_ident(current_schema()) || '.' || t) IS NULL`,
        [SCALE_TABLES[name]],
      );
      return rows.map((r) => r.t);
    });
    if (missing.length) return false;
  }
  return true;
}

async function migrateByStarting(databases: SubgraphDatabase[], dataDir: string): Promise<void> {
  const keys = await ensureDevKeys(join(dataDir, 'keys'));
  const system = await launchSystem({
    databases,
    jwksFile: keys.jwksFile,
    evidenceSecret: keys.evidenceSecret,
    seedDemo: true,
    nodeEnv: 'development',
    logLevel: 'warn',
  });
  await system.stop();
}

/** Tables holding scale rows now, with a yes/no per table (EXISTS stops at the first match). */
export async function scaleRowsPresent(target: ScaleTarget): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of SUBGRAPHS) {
    await withClient(target.databases[name].url, async (client) => {
      for (const table of MARKED[name]) {
        const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE ${SCALE_ID_SQL}) AS present`);
        if (rows[0].present) found.push(`${target.databases[name].schema}.${table}`);
      }
    });
  }
  return found;
}

/**
 * Deletes every scale row, one transaction per schema. Rows people added through the API to
 * scale data (outbox events, scans, supports) go with it; a real row that points at a scale
 * row from a table without a cascade stops the reset with PostgreSQL's message.
 */
export async function deleteScaleRows(target: ScaleTarget, say: (line: string) => void): Promise<void> {
  const marked = (alias = '') => SCALE_ID_SQL.replace('id::text', `${alias}id::text`);
  const statements: Record<SubgraphName, string[]> = {
    'rukhani-qazyna': [
      `DELETE FROM qr_scan s USING monument m WHERE s.monument_id = m.id AND ${marked('m.')}`,
      `DELETE FROM qr_code q USING monument m WHERE q.monument_id = m.id AND ${marked('m.')}`,
      `DELETE FROM monument WHERE ${marked()}`,
    ],
    'tarbie-bilim': [`DELETE FROM event WHERE ${marked()}`],
    atameken: [
      `DELETE FROM complaint_event e USING complaint c WHERE e.complaint_id = c.id AND ${marked('c.')}`,
      // complaint.duplicate_of_id has no index: each deleted row's foreign-key check would scan the
      // whole table (hours for 500,000 rows). A throwaway index inside this transaction avoids it.
      'CREATE INDEX scale_reset_duplicate_of_idx ON complaint (duplicate_of_id)',
      `DELETE FROM complaint WHERE ${marked()}`,
      'DROP INDEX scale_reset_duplicate_of_idx',
      `DELETE FROM initiative WHERE ${marked()}`,
    ],
    'aqparat-tolqyny': [`DELETE FROM face WHERE ${marked()}`, `DELETE FROM media_plan WHERE ${marked()}`],
    'project-office': [],
    notifications: [],
  };
  for (const { name } of SUBGRAPHS) {
    const started = Date.now();
    await withClient(target.databases[name].url, async (client) => {
      await client.query('BEGIN');
      try {
        for (const sql of statements[name]) await client.query(sql);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Could not remove the scale rows of ${name}: ${(error as Error).message}`);
      }
    });
    say(`  removed scale rows of ${target.databases[name].schema} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** What the generators must agree with: officers that route complaints, topic deadlines, media periods in use. */
export async function readScaleContext(target: ScaleTarget) {
  const [officers, deadlines] = await withClient(target.databases.atameken.url, async (client) => [
    (await client.query<{ territory_code: string; subject: string }>('SELECT territory_code, min(officer_subject) AS subject FROM akimat_officer GROUP BY territory_code')).rows,
    (await client.query<{ topic: string; working_days: number }>('SELECT topic, working_days FROM complaint_topic_deadline')).rows,
  ]);
  const periods = await withClient(target.databases['aqparat-tolqyny'].url, async (client) =>
    (await client.query<{ key: string }>(`SELECT territory_code || '/' || year || '/' || coalesce(quarter, 0) AS key FROM media_plan WHERE NOT (${SCALE_ID_SQL})`)).rows,
  );
  return {
    staffedAkimats: new Map(officers.map((o) => [o.territory_code, o.subject])),
    topicDeadlines: new Map(deadlines.map((d) => [d.topic, d.working_days])),
    takenMediaPeriods: new Set(periods.map((p) => p.key)),
  };
}
