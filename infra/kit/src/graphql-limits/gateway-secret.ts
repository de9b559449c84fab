import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../config/parse-config';

/**
 * The header (HTTP) and connection parameter (graphql-ws) in which the gateway
 * proves to a subgraph that the request comes from it.
 */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';

/** Shared by the gateway (sends it) and the subgraphs (require it). At least 32 characters. */
export const subgraphSharedSecret = z.string().min(32, 'at least 32 characters').optional();

/** A production subgraph answers only the gateway: it does not start without the secret. */
export function requireSecretInProduction(config: { NODE_ENV: string; SUBGRAPH_SHARED_SECRET?: string }): void {
  if (config.NODE_ENV === 'production' && !config.SUBGRAPH_SHARED_SECRET) {
    throw new ConfigError(['SUBGRAPH_SHARED_SECRET: required in production, the secret the gateway sends to the subgraphs']);
  }
}

export type SecretCheck = 'ok' | 'missing' | 'wrong';

/** Compares in constant time (digests of equal length), so timing reveals nothing of the secret. */
export function checkGatewaySecret(expected: string, given: unknown): SecretCheck {
  if (typeof given !== 'string' || given === '') return 'missing';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given)) ? 'ok' : 'wrong';
}

/** What the gateway adds to each subgraph request (headers) and graphql-ws connection (parameters). */
export function gatewaySecretParams(secret: string | undefined): Record<string, string> {
  return secret ? { [GATEWAY_SECRET_HEADER]: secret } : {};
}
