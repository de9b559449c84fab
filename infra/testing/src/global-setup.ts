import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevKeys, startEmbeddedPostgres, type EmbeddedServer, ensureSubgraphRoles, freePort } from '@rz/infra';

declare global {
  // eslint-disable-next-line no-var
  var __RZ_TEST_POSTGRES__: EmbeddedServer | undefined;
}

/**
 * One PostgreSQL per test run: embedded in a temporary directory, or the server
 * at DATABASE_URL. Test files each create their own database on it.
 */
export default async function globalSetup(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'rz-test-'));
  // PostgreSQL runs as its own user when we are root: it must be able to enter the folder.
  chmodSync(workDir, 0o755);
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({ dataDir: join(workDir, 'pg'), port: await freePort(), persistent: false });
    globalThis.__RZ_TEST_POSTGRES__ = server;
    adminUrl = server.adminUrl;
  }
  await ensureSubgraphRoles(adminUrl);
  const keys = await ensureDevKeys(join(workDir, 'keys'));
  process.env.RZ_TEST_ADMIN_URL = adminUrl;
  process.env.RZ_TEST_KEYS_DIR = join(workDir, 'keys');
  process.env.RZ_TEST_JWKS_FILE = keys.jwksFile;
  process.env.RZ_TEST_EVIDENCE_SECRET = keys.evidenceSecret;
}
