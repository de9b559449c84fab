import { parseConfig } from '@rz/service-kit';
import { subgraphConfigShape, type SubgraphConfig } from '@rz/subgraph-runtime';
import { z } from 'zod';

export const DEFAULT_PUBLIC_BASE_URL = 'http://localhost:4000';

/** Settings this subgraph adds to the shared shape. */
export const rukhaniQazynaSettingsShape = z.object({
  /** Public origin of QR links and monument pages (the gateway's public address); no trailing slash. */
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default(DEFAULT_PUBLIC_BASE_URL)
    .transform((url) => url.replace(/\/+$/, '')),
});

export type RukhaniQazynaSettings = z.output<typeof rukhaniQazynaSettingsShape>;
export type RukhaniQazynaConfig = SubgraphConfig & RukhaniQazynaSettings;

/** The only place this service reads the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): RukhaniQazynaConfig {
  return parseConfig(subgraphConfigShape('rukhani-qazyna').safeExtend(rukhaniQazynaSettingsShape.shape), env);
}
