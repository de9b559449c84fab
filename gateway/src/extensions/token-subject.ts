import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { GatewayConfig } from '../config';

export interface TokenSubjectOptions {
  jwksUrl?: string;
  jwksFile?: string;
  issuer: string;
  audience: string;
}

/** The same algorithms the subgraphs accept; `none` and HMAC are never accepted. */
const ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

/**
 * Who is calling, for the gateway's own needs (rate-limit key, evidence uploads).
 * The token is verified against the same JWKS, issuer and audience as in the
 * subgraphs, so a forged `sub` cannot pick someone else's bucket. Only the subject
 * is read: roles and scopes stay the subgraphs' business.
 */
export class TokenSubject {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: TokenSubjectOptions) {
    if (options.jwksUrl) this.keys = createRemoteJWKSet(new URL(options.jwksUrl));
    else if (options.jwksFile) this.keys = createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8')));
    else throw new Error('TokenSubject needs a JWKS URL or file');
  }

  /** The verified subject of `Authorization: Bearer <token>`, or null when absent or not valid. */
  async subjectOf(authorization: string | undefined): Promise<string | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) return null;
    try {
      const { payload } = await jwtVerify(match[1], this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      });
      return payload.sub ?? null;
    } catch {
      return null;
    }
  }
}

export function tokenSubjectFromConfig(config: Pick<GatewayConfig, 'AUTH_JWKS_URL' | 'AUTH_JWKS_FILE' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>): TokenSubject {
  return new TokenSubject({ jwksUrl: config.AUTH_JWKS_URL, jwksFile: config.AUTH_JWKS_FILE, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE });
}
