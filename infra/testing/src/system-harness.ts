import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchSystem, type RunningSystem } from '@rz/infra';
import { createTestDatabase, testEnv, type TestDatabase } from './test-env';

export interface TestSystem extends RunningSystem {
  database: TestDatabase;
  close(): Promise<void>;
}

/** The whole system as separate processes (built output), on a fresh database with demo data. */
export interface TestSystemOptions {
  seedDemo?: boolean;
  /** Run against an existing test database (a second system on the same data) instead of a fresh one. */
  database?: TestDatabase;
  gatewayEnv?: Record<string, string>;
  /** Extra settings for every subgraph process. */
  subgraphEnv?: Record<string, string>;
}

export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  const ownDatabase = !options.database;
  const database = options.database ?? (await createTestDatabase());
  const system = await launchSystem({
    databases: database.subgraphs,
    jwksFile: testEnv().jwksFile,
    evidenceSecret: testEnv().evidenceSecret,
    seedDemo: options.seedDemo ?? true,
    nodeEnv: 'test',
    logLevel: 'warn',
    // Uploads go to a scratch store, never into the repository's .data folder.
    gatewayEnv: { EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'rz-evidence-')), ...options.gatewayEnv },
    subgraphEnv: options.subgraphEnv,
  });
  return {
    ...system,
    database,
    async close() {
      await system.stop();
      if (ownDatabase) await database.drop();
    },
  };
}
