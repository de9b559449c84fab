import { createHmac } from 'node:crypto';
import { SUBGRAPHS, subgraphDbSchema, type SubgraphName } from '@rz/contract';
import { Client } from 'pg';

export interface SubgraphDatabase {
  name: SubgraphName;
  schema: string;
  role: string;
  /** Connection URL of the subgraph's own role: rights on its own schema only. */
  url: string;
}

function withDatabase(url: string, database: string, user?: string, password?: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (user) u.username = encodeURIComponent(user);
  if (password) u.password = encodeURIComponent(password);
  return u.toString();
}

/** Where provisioning installs extensions (pg_trgm); subgraph migrations qualify their functions with it. */
const EXTENSIONS_SCHEMA = 'extensions';

/** Role passwords are derived from the admin URL, so nothing extra has to be stored for development. */
function rolePassword(adminUrl: string, role: string): string {
  return createHmac('sha256', adminUrl).update(role).digest('base64url');
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<string> {
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  });
  return withDatabase(adminUrl, database);
}

/** Cluster-wide: one login role per subgraph. */
export async function ensureSubgraphRoles(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    for (const { name } of SUBGRAPHS) {
      const role = subgraphDbSchema(name);
      const password = rolePassword(adminUrl, role);
      const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = rowCount ? 'ALTER' : 'CREATE';
      await client.query(`${verb} ROLE "${role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
    }
  });
}

/**
 * Per database: each subgraph's schema, owned by its role. Other roles get no USAGE,
 * so one team cannot read or write another team's tables.
 */
export async function ensureSubgraphSchemas(adminUrl: string, databaseUrl: string): Promise<SubgraphDatabase[]> {
  return withClient(databaseUrl, async (client) => {
    const database = new URL(databaseUrl).pathname.slice(1);
    await client.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
    await client.query(`REVOKE CREATE, TEMPORARY ON DATABASE "${database}" FROM PUBLIC`);
    // Extensions need rights the subgraph roles do not have: installed here, in their own schema,
    // which each role may use (pg_trgm: similarity search that tolerates spelling variants).
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${EXTENSIONS_SCHEMA}`);
    await client.query(`REVOKE ALL ON SCHEMA ${EXTENSIONS_SCHEMA} FROM PUBLIC`);
    await client.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ${EXTENSIONS_SCHEMA}`);
    const result: SubgraphDatabase[] = [];
    for (const { name } of SUBGRAPHS) {
      const role = subgraphDbSchema(name);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${role}" AUTHORIZATION "${role}"`);
      await client.query(`REVOKE ALL ON SCHEMA "${role}" FROM PUBLIC`);
      await client.query(`GRANT CONNECT ON DATABASE "${database}" TO "${role}"`);
      await client.query(`GRANT USAGE ON SCHEMA ${EXTENSIONS_SCHEMA} TO "${role}"`);
      await client.query(`ALTER ROLE "${role}" IN DATABASE "${database}" SET search_path = "${role}"`);
      result.push({ name, schema: role, role, url: withDatabase(databaseUrl, database, role, rolePassword(adminUrl, role)) });
    }
    return result;
  });
}

export async function provisionDatabase(adminUrl: string, database: string): Promise<SubgraphDatabase[]> {
  const databaseUrl = await ensureDatabase(adminUrl, database);
  await ensureSubgraphRoles(adminUrl);
  return ensureSubgraphSchemas(adminUrl, databaseUrl);
}
