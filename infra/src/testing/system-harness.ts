import { SUBGRAPHS, type SubgraphName } from '@rz/schema';
import { launchSystem, type RunningSystem } from '../dev/system';
import { freePort } from './free-port';
import { createTestDatabase, testEnv, type TestDatabase } from './test-env';

export interface TestSystem extends RunningSystem {
  database: TestDatabase;
  subgraphPorts: Record<SubgraphName, number>;
  gatewayPort: number;
  close(): Promise<void>;
}

/** The whole system as separate processes (built output), on a fresh database with demo data. */
export async function startTestSystem(options: { seedDemo?: boolean } = {}): Promise<TestSystem> {
  const database = await createTestDatabase();
  const subgraphPorts = {} as Record<SubgraphName, number>;
  for (const { name } of SUBGRAPHS) subgraphPorts[name] = await freePort();
  const gatewayPort = await freePort();
  const system = await launchSystem({
    databases: database.subgraphs,
    jwksFile: testEnv().jwksFile,
    evidenceSecret: testEnv().evidenceSecret,
    gatewayPort,
    subgraphPorts,
    seedDemo: options.seedDemo ?? true,
    nodeEnv: 'test',
    logLevel: 'warn',
  });
  return {
    ...system,
    database,
    subgraphPorts,
    gatewayPort,
    async close() {
      await system.stop();
      await database.drop();
    },
  };
}
