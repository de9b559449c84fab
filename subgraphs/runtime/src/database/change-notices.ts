/** Runs SQL and answers the rows (a TypeORM DataSource or QueryRunner). */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The channel the gateway's response cache LISTENs on; the payload is `<schema>:<table>`. */
export const CHANGE_CHANNEL = 'rz_entity_changed';

/**
 * Makes every table of the subgraph's schema announce its writes: a statement trigger calls
 * pg_notify on CHANGE_CHANNEL, which PostgreSQL delivers at commit (never for a rollback), once
 * per table and transaction. Triggers see every write, ORM, query builder, raw SQL or COPY alike.
 * Idempotent; run after the migrations (a table a migration adds gets its trigger then).
 */
export async function installChangeNotices(runner: SqlRunner, schema: string): Promise<void> {
  await runner.query(`
    CREATE OR REPLACE FUNCTION rz_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${CHANGE_CHANNEL}', TG_TABLE_SCHEMA || ':' || TG_TABLE_NAME);
      RETURN NULL;
    END $$`);
  const tables = (await runner.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'migrations'`,
    [schema],
  )) as { table_name: string }[];
  for (const { table_name: table } of tables) {
    await runner.query(
      `CREATE OR REPLACE TRIGGER rz_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table.replace(/"/g, '""')}" FOR EACH STATEMENT EXECUTE FUNCTION rz_notify_change()`,
    );
  }
}
