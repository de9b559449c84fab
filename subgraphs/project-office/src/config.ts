import { GATEWAY_PORT } from '@rz/contract';
import { parseConfig } from '@rz/service-kit';
import { subgraphConfigShape, type SubgraphConfig } from '@rz/subgraph-runtime';
import { z } from 'zod';

const projectOfficeSettingsShape = z.object({
  /** The gateway's /graphql, where the programme office reads the other subprogrammes' figures. */
  GATEWAY_URL: z.url().default(`http://localhost:${GATEWAY_PORT}/graphql`),
});

export type ProjectOfficeConfig = SubgraphConfig & z.output<typeof projectOfficeSettingsShape>;

/** The only place this service reads the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ProjectOfficeConfig {
  return parseConfig(subgraphConfigShape('project-office').safeExtend(projectOfficeSettingsShape.shape), env);
}
