import { subgraphInfo, type SubgraphName } from '@rz/schema';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** Settings every subgraph shares; a subgraph may extend the shape with its own. */
export function subgraphConfigShape(name: SubgraphName) {
  return z
    .object({
      NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
      HOST: z.string().default('0.0.0.0'),
      PORT: z.coerce.number().int().min(0).max(65535).default(subgraphInfo(name).port),
      DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL'),
      DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      AUTH_JWKS_URL: z.url().optional(),
      AUTH_JWKS_FILE: z.string().optional(),
      AUTH_ISSUER: z.string().default('rukhani-zhangyru-dev'),
      AUTH_AUDIENCE: z.string().default('rukhani-zhangyru-graph'),
      MIGRATE_ON_START: booleanFlag.default(true),
      SEED_DEMO: booleanFlag.default(false),
    })
    .refine((c) => !!(c.AUTH_JWKS_URL || c.AUTH_JWKS_FILE), {
      message: 'set AUTH_JWKS_URL (production) or AUTH_JWKS_FILE (development)',
      path: ['AUTH_JWKS_URL'],
    });
}

export type SubgraphConfig = z.output<ReturnType<typeof subgraphConfigShape>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment, reporting every bad variable at once. */
export function parseConfig<S extends z.ZodType>(shape: S, env: Record<string, string | undefined>): z.output<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = shape.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
}
