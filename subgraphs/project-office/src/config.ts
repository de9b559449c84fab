import { parseConfig } from '@rz/service-kit';
import { subgraphConfigShape, type SubgraphConfig } from '@rz/subgraph-runtime';

export type ProjectOfficeConfig = SubgraphConfig;

/** The only place this service reads the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ProjectOfficeConfig {
  return parseConfig(subgraphConfigShape('project-office'), env);
}
