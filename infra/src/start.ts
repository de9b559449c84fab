import { join } from 'node:path';
import { SUBGRAPHS, type SubgraphName } from '@rz/contract';
import { ensureDevKeys } from './auth/dev-keys';
import { loadInfraConfig } from './config';
import { launchSystem, type RunningSystem } from './dev/system';
import { startEmbeddedPostgres, type EmbeddedServer } from './postgres/embedded-postgres';
import { provisionDatabase } from './postgres/provision';

const started = Date.now();
const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), roles and schemas,
 * then the subgraphs (each migrates and loads demo data) and the gateway.
 */
/** Every service traces to the collector, when one is given (docs/operations.md). */
function tracingEnv(endpoint: string | undefined): { gatewayEnv?: Record<string, string>; subgraphEnv?: Record<string, string> } {
  if (!endpoint) return {};
  const env = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint };
  return { gatewayEnv: env, subgraphEnv: env };
}

async function main(): Promise<void> {
  const config = loadInfraConfig();
  let postgres: EmbeddedServer | undefined;
  let system: RunningSystem | undefined;
  const shutdown = async (code: number) => {
    await system?.stop();
    await postgres?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    let adminUrl = config.DATABASE_URL;
    if (!adminUrl) {
      postgres = await startEmbeddedPostgres({
        dataDir: join(config.DATA_DIR, 'postgres'),
        port: config.EMBEDDED_POSTGRES_PORT,
        persistent: true,
      });
      adminUrl = postgres.adminUrl;
      say(`PostgreSQL (embedded) on port ${config.EMBEDDED_POSTGRES_PORT}, data in ${join(config.DATA_DIR, 'postgres')}`);
    }
    const databases = await provisionDatabase(adminUrl, config.DATABASE_NAME);
    const keys = await ensureDevKeys(join(config.DATA_DIR, 'keys'));
    const logDir = join(config.DATA_DIR, 'logs');
    system = await launchSystem({
      databases,
      jwksFile: keys.jwksFile,
      evidenceSecret: keys.evidenceSecret,
      gatewayPort: config.GATEWAY_PORT,
      subgraphPorts: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.port])) as Record<SubgraphName, number>,
      seedDemo: true,
      nodeEnv: 'development',
      logDir,
      logLevel: config.LOG_LEVEL,
      ...tracingEnv(config.OTEL_EXPORTER_OTLP_ENDPOINT),
    });
    const gatewayUrl = `http://localhost:${config.GATEWAY_PORT}/graphql`;
    const probe = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ regions { code } }' }),
    });
    if (!probe.ok) throw new Error(`The gateway did not answer a first query (HTTP ${probe.status})`);
    const dashboardUrl = `http://localhost:${config.GATEWAY_PORT}/dashboard/`;
    const dashboardServed = (await fetch(dashboardUrl)).ok;
    say('');
    say(`Rukhani Zhangyru graph is up (first query answered ${seconds()} s after start).`);
    say(`  Gateway and GraphiQL: ${gatewayUrl}`);
    say(`  Live dashboard:       ${dashboardUrl}${dashboardServed ? '' : ' (not built: npm run build -w @rz/dashboard)'}`);
    for (const { name, port } of SUBGRAPHS) say(`  ${name.padEnd(16)} http://localhost:${port}/graphql`);
    say(`  Logs: ${logDir}`);
    say(`  A token: npm run token -- --role akimat_officer --territory 750000000`);
    say('Press Ctrl+C to stop.');
  } catch (error) {
    process.stderr.write(`Start failed: ${(error as Error).message}\n`);
    await shutdown(1);
  }
}

void main();
