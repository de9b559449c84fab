import { join } from 'node:path';
import { GATEWAY_PORT, SUBGRAPHS, subgraphEnvPrefix, subgraphUrl, type SubgraphName } from '@rz/schema';
import { z } from 'zod';

function shape() {
  const urlOverrides = Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [`${subgraphEnvPrefix(name)}URL`, z.url().optional()]),
  );
  return z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(GATEWAY_PORT),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SUPERGRAPH_FILE: z.string().default(join(__dirname, '..', '..', 'schema', 'supergraph.graphql')),
    /** Host the subgraphs listen on when no per-subgraph URL is given. */
    SUBGRAPH_HOST: z.string().default('localhost'),
    /** Idle keep-alive sockets to subgraphs are closed after this long; keep it below the subgraphs' own timeout. */
    SUBGRAPH_KEEP_ALIVE_MS: z.coerce.number().int().min(100).max(600_000).default(4_000),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    ...urlOverrides,
  });
}

export type GatewayConfig = z.output<ReturnType<typeof shape>> & { subgraphUrls: Record<SubgraphName, string> };

export class GatewayConfigError extends Error {}

/** The only place the gateway reads the environment; every bad variable is reported at once. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = shape().safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new GatewayConfigError(`Invalid configuration:\n${problems}`);
  }
  const config = result.data as Record<string, unknown>;
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, (config[`${subgraphEnvPrefix(name)}URL`] as string | undefined) ?? subgraphUrl(name, result.data.SUBGRAPH_HOST)]),
  ) as Record<SubgraphName, string>;
  return { ...result.data, subgraphUrls };
}
