import { z } from 'zod';

/** Settings that mean the same in every service, so each is parsed the same way. */

/** `true`/`false`/`1`/`0`; anything else is an error rather than a silent false. */
export const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const nodeEnv = z.enum(['development', 'test', 'production']).default('development');

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

export const portNumber = (defaultPort: number) => z.coerce.number().int().min(0).max(65535).default(defaultPort);

export const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL');

export const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

/** How tokens are verified; the gateway and every subgraph use the same four settings. */
export const authSettings = {
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_JWKS_FILE: z.string().optional(),
  AUTH_ISSUER: z.string().default('rukhani-zhangyru-dev'),
  AUTH_AUDIENCE: z.string().default('rukhani-zhangyru-graph'),
  /** Longest token lifetime (exp - iat) accepted, in seconds. Default 86400 (one day). */
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(31_536_000).default(86_400),
};

export type AuthSettings = {
  AUTH_JWKS_URL?: string;
  AUTH_JWKS_FILE?: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  AUTH_MAX_TOKEN_LIFETIME_SECONDS?: number;
};

/** For `.refine(...requireJwks)`: a service must know where its keys are. */
export const requireJwks: [(c: { AUTH_JWKS_URL?: string; AUTH_JWKS_FILE?: string }) => boolean, { message: string; path: string[] }] = [
  (c) => !!(c.AUTH_JWKS_URL || c.AUTH_JWKS_FILE),
  { message: 'set AUTH_JWKS_URL (production) or AUTH_JWKS_FILE (development)', path: ['AUTH_JWKS_URL'] },
];
