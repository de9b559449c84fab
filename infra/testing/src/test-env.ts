import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureDevKeys, signDevToken, type DevTokenClaims, ensureDatabase, ensureSubgraphSchemas, type SubgraphDatabase } from '@rz/infra';

/** Values the jest global setup puts in the environment of every test worker. */
export function testEnv() {
  const adminUrl = process.env.RZ_TEST_ADMIN_URL;
  const keysDir = process.env.RZ_TEST_KEYS_DIR;
  const jwksFile = process.env.RZ_TEST_JWKS_FILE;
  const evidenceSecret = process.env.RZ_TEST_EVIDENCE_SECRET;
  if (!adminUrl || !keysDir || !jwksFile || !evidenceSecret) throw new Error('Run tests through jest: the global setup provides the database');
  return { adminUrl, keysDir, jwksFile, evidenceSecret };
}

export interface TestDatabase {
  name: string;
  url: string;
  subgraphs: SubgraphDatabase[];
  drop(): Promise<void>;
}

/** A fresh database with every subgraph's schema and role, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl } = testEnv();
  const name = `rz_test_${randomBytes(6).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name);
  const subgraphs = await ensureSubgraphSchemas(adminUrl, url);
  return {
    name,
    url,
    subgraphs,
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function testToken(claims: DevTokenClaims): Promise<string> {
  return signDevToken(await ensureDevKeys(testEnv().keysDir), claims);
}
