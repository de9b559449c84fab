import { z } from 'zod';

/** Outside production only: the local gateway. */
export const DEFAULT_PUBLIC_BASE_URL = 'http://localhost:4000';

/**
 * For a subgraph whose API returns links (QR codes, monument pages, evidence downloads): the
 * public origin of the gateway, no trailing slash. Required in production (printed plates and
 * shared links must never say localhost); http://localhost:4000 elsewhere.
 */
export const publicBaseUrlSettings = z.object({
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
});

/** For `.refine(...requirePublicBaseUrl)` on a shape with NODE_ENV and PUBLIC_BASE_URL. */
export const requirePublicBaseUrl: [(c: { NODE_ENV: string; PUBLIC_BASE_URL?: string }) => boolean, { message: string; path: string[] }] = [
  (c) => c.NODE_ENV !== 'production' || !!c.PUBLIC_BASE_URL,
  { message: 'required in production: the public origin (the gateway) of the links the API returns', path: ['PUBLIC_BASE_URL'] },
];

/** The parsed config with its base URL defaulted. */
export function withPublicBaseUrl<C extends { PUBLIC_BASE_URL?: string }>(config: C): C & { PUBLIC_BASE_URL: string } {
  return { ...config, PUBLIC_BASE_URL: config.PUBLIC_BASE_URL ?? DEFAULT_PUBLIC_BASE_URL };
}
