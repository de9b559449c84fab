import { parseConfig } from '@rz/service-kit';
import { subgraphConfigShape, type SubgraphConfig } from '@rz/subgraph-runtime';
import { z } from 'zod';

/** Outside production only: the local gateway. */
export const DEFAULT_PUBLIC_BASE_URL = 'http://localhost:4000';

/** Settings this subgraph adds to the shared shape. */
export const rukhaniQazynaSettingsShape = z.object({
  /**
   * Public origin of every link the API returns (QR links and images, monument pages): the
   * gateway's public address; no trailing slash. Required in production (printed plates must
   * never say localhost); default http://localhost:4000 elsewhere.
   */
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
});

export type RukhaniQazynaConfig = SubgraphConfig & { PUBLIC_BASE_URL: string };

/** The only place this service reads the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): RukhaniQazynaConfig {
  const shape = subgraphConfigShape('rukhani-qazyna')
    .safeExtend(rukhaniQazynaSettingsShape.shape)
    .refine((c) => c.NODE_ENV !== 'production' || !!c.PUBLIC_BASE_URL, {
      message: 'required in production: the public origin of QR links and monument pages',
      path: ['PUBLIC_BASE_URL'],
    });
  const config = parseConfig(shape, env);
  return { ...config, PUBLIC_BASE_URL: config.PUBLIC_BASE_URL ?? DEFAULT_PUBLIC_BASE_URL };
}
