import { Client } from 'pg';
import { SUBGRAPHS, subgraphDbSchema } from '@rz/schema';

/**
 * Row count and a digest of the contents of every table in every subgraph schema:
 * equal fingerprints mean no row was inserted, updated or deleted.
 */
export async function tableFingerprints(databaseUrl: string): Promise<Record<string, { rows: number; digest: string | null }>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const schemas = SUBGRAPHS.map(({ name }) => subgraphDbSchema(name));
    const { rows: tables } = await client.query<{ schema: string; table: string }>(
      `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
        WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
      [schemas],
    );
    const result: Record<string, { rows: number; digest: string | null }> = {};
    for (const { schema, table } of tables) {
      const name = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)}`;
      const { rows } = await client.query<{ rows: string; digest: string | null }>(
        `SELECT count(*) AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest FROM ${name} t`,
      );
      result[`${schema}.${table}`] = { rows: Number(rows[0].rows), digest: rows[0].digest };
    }
    return result;
  } finally {
    await client.end();
  }
}
