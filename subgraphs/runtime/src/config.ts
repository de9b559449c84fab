import { subgraphInfo, type SubgraphName } from '@rz/contract';
import { authSettings, booleanFlag, logLevel, nodeEnv, portNumber, postgresUrl, requireJwks } from '@rz/service-kit';
import { z } from 'zod';

/** Settings every subgraph shares; a subgraph may extend the shape with its own. */
export function subgraphConfigShape(name: SubgraphName) {
  return z
    .object({
      NODE_ENV: nodeEnv,
      HOST: z.string().default('0.0.0.0'),
      PORT: portNumber(subgraphInfo(name).port),
      DATABASE_URL: postgresUrl,
      DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
      LOG_LEVEL: logLevel,
      ...authSettings,
      MIGRATE_ON_START: booleanFlag.default(true),
      SEED_DEMO: booleanFlag.default(false),
    })
    .refine(...requireJwks);
}

export type SubgraphConfig = z.output<ReturnType<typeof subgraphConfigShape>>;
