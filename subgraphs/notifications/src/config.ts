import { parseConfig } from '@rz/service-kit';
import { subgraphConfigShape, type SubgraphConfig } from '@rz/subgraph-runtime';

export type NotificationsConfig = SubgraphConfig;

/** The only place this service reads the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): NotificationsConfig {
  return parseConfig(subgraphConfigShape('notifications'), env);
}
