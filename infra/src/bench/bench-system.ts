import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_NODE_OPTIONS } from '@rz/contract';
import { ensureDevKeys, type DevKeys } from '../auth/dev-keys';
import { freePort } from '../dev/free-port';
import { launchSystem, type RunningSystem } from '../dev/system';
import { startEmbeddedPostgres } from '../postgres/embedded-postgres';
import { provisionDatabase, type SubgraphDatabase } from '../postgres/provision';

export interface BenchSystem {
  /** A temporary folder (PostgreSQL's data, keys, profiles), removed by `stop`. */
  work: string;
  keys: DevKeys;
  databases: SubgraphDatabase[];
  system: RunningSystem;
  /** Stops the services and PostgreSQL and removes the folder. */
  stop(): Promise<void>;
}

/**
 * A throwaway whole system with demo data for a benchmark: embedded PostgreSQL in a temporary folder,
 * every subgraph and the gateway on free ports, test mode (production limits stay on).
 */
export async function startBenchSystem(options: { gatewayEnv?: Record<string, string>; subgraphEnv?: Record<string, string> } = {}): Promise<BenchSystem> {
  const work = mkdtempSync(join(tmpdir(), 'rz-bench-'));
  chmodSync(work, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir: join(work, 'pg'), port: await freePort(), persistent: false });
  const keys = await ensureDevKeys(join(work, 'keys'));
  const databases = await provisionDatabase(postgres.adminUrl, 'rz_bench');
  const system = await launchSystem({
    databases,
    jwksFile: keys.jwksFile,
    evidenceSecret: keys.evidenceSecret,
    seedDemo: true,
    nodeEnv: 'test',
    logLevel: 'warn',
    gatewayEnv: options.gatewayEnv,
    subgraphEnv: options.subgraphEnv,
  });
  return {
    work,
    keys,
    databases,
    system,
    async stop() {
      await system.stop();
      await postgres.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * Gateway settings that record its CPU profile into `dir` on exit (cpu-profile.ts; node refuses --cpu-prof
 * in NODE_OPTIONS), keeping the gateway's usual Node options.
 */
export function gatewayProfileEnv(dir: string): Record<string, string> {
  // The gateway writes its profile as it exits, too late to say that the folder is missing.
  mkdirSync(dir, { recursive: true });
  return { NODE_OPTIONS: `${GATEWAY_NODE_OPTIONS} --require ${join(__dirname, 'cpu-profile.js')}`, BENCH_CPU_PROFILE_DIR: dir };
}
