import { join } from 'node:path';
import { GATEWAY_PORT } from '@rz/schema';
import { z } from 'zod';
import { ROOT } from './paths';

const shape = z.object({
  /** An existing PostgreSQL (superuser URL); when unset an embedded server starts. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL').optional(),
  DATABASE_NAME: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('rukhani_zhangyru'),
  DATA_DIR: z.string().default(join(ROOT, '.data')),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(GATEWAY_PORT),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type InfraConfig = z.output<typeof shape>;

/** The only place the orchestrator reads the environment; every bad variable is reported at once. */
export function loadInfraConfig(env: Record<string, string | undefined> = process.env): InfraConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = shape.safeParse(cleaned);
  if (result.success) return result.data;
  throw new Error(`Invalid configuration:\n${result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
}
