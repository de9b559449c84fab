import { join } from 'node:path';
import { GATEWAY_PORT } from '@rz/contract';
import { logLevel, parseConfig, portNumber, postgresUrl } from '@rz/service-kit';
import { z } from 'zod';
import { ROOT } from './paths';

const shape = z.object({
  /** An existing PostgreSQL (superuser URL); when unset an embedded server starts. */
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_NAME: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('rukhani_zhangyru'),
  DATA_DIR: z.string().default(join(ROOT, '.data')),
  EMBEDDED_POSTGRES_PORT: portNumber(54329),
  GATEWAY_PORT: portNumber(GATEWAY_PORT),
  LOG_LEVEL: logLevel,
  /** Passed to every service: traces go to this OTLP/HTTP collector (e.g. Jaeger's http://localhost:4318). Default: no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
});

export type InfraConfig = z.output<typeof shape>;

/** The only place the orchestrator reads the environment; every bad variable is reported at once. */
export function loadInfraConfig(env: Record<string, string | undefined> = process.env): InfraConfig {
  return parseConfig(shape, env);
}
