import { parseConfig } from '@rz/service-kit';
import { publicBaseUrlSettings, requirePublicBaseUrl, subgraphConfigShape, withPublicBaseUrl, type SubgraphConfig } from '@rz/subgraph-runtime';

export type RukhaniQazynaConfig = SubgraphConfig & { PUBLIC_BASE_URL: string };

/** The only place this service reads the environment. PUBLIC_BASE_URL: the origin of QR links and monument pages. */
export function loadConfig(env: Record<string, string | undefined> = process.env): RukhaniQazynaConfig {
  const shape = subgraphConfigShape('rukhani-qazyna').safeExtend(publicBaseUrlSettings.shape).refine(...requirePublicBaseUrl);
  return withPublicBaseUrl(parseConfig(shape, env));
}
