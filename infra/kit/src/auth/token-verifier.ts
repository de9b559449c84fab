import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthSettings } from '../config/settings';

export interface TokenVerifierOptions {
  jwksUrl?: string;
  jwksFile?: string;
  issuer: string;
  audience: string;
  /** Longest lifetime (exp - iat) accepted, in seconds. Default 86400 (one day). */
  maxLifetimeSeconds?: number;
}

export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 86_400;

/** Clock skew forgiven between the issuer and us, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** Verified claims; `sub` (not blank), `iat` and `exp` are always present. */
export interface TokenClaims extends JWTPayload {
  sub: string;
  iat: number;
  exp: number;
}

/** Why a token was refused, safe to show the caller: it names no key, claim value or internal detail. */
export type TokenProblem =
  | 'MALFORMED_HEADER'
  | 'EXPIRED'
  | 'BAD_SIGNATURE'
  | 'WRONG_ISSUER'
  | 'WRONG_AUDIENCE'
  | 'ISSUED_IN_FUTURE'
  | 'LIFETIME_TOO_LONG'
  | 'NO_SUBJECT'
  | 'INVALID';

export class TokenRejected extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'TokenRejected';
  }
}

/** Asymmetric algorithms only: `none` and HMAC (a shared secret) are never accepted. */
const ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

function problemOf(error: unknown): TokenProblem {
  if (error instanceof errors.JWTExpired) return 'EXPIRED';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'BAD_SIGNATURE';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'WRONG_ISSUER';
    if (error.claim === 'aud') return 'WRONG_AUDIENCE';
  }
  return 'INVALID';
}

/**
 * Verifies `Authorization: Bearer` tokens against one JWKS, issuer and audience.
 * The gateway and the subgraphs use this same class, so they never disagree on
 * what a valid token is. Build it once per process: the key set is cached in it.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwksUrl) this.keys = createRemoteJWKSet(new URL(options.jwksUrl));
    else if (options.jwksFile) this.keys = createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8')));
    else throw new Error('TokenVerifier needs a JWKS URL or file');
  }

  /** The claims of a valid token; null when there is no header; TokenRejected for anything else. */
  async verify(authorization: string | undefined): Promise<TokenClaims | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new TokenRejected('MALFORMED_HEADER', 'Authorization header must be "Bearer <token>"');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw new TokenRejected(problemOf(error), `Invalid token: ${(error as Error).message}`);
    }
    return this.checkClaims(payload);
  }

  /** What jose leaves to us: a token minted for the future, or for centuries, is as suspect as a forged one. */
  private checkClaims(payload: JWTPayload): TokenClaims {
    const { sub, iat, exp } = payload;
    if (typeof sub !== 'string' || sub.trim() === '') throw new TokenRejected('NO_SUBJECT', 'Invalid token: the subject is empty');
    if (typeof iat !== 'number' || typeof exp !== 'number') throw new TokenRejected('INVALID', 'Invalid token: iat and exp must be numbers');
    if (iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) throw new TokenRejected('ISSUED_IN_FUTURE', 'Invalid token: issued in the future');
    const maxLifetime = this.options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
    if (exp - iat > maxLifetime) throw new TokenRejected('LIFETIME_TOO_LONG', `Invalid token: lifetime over ${maxLifetime} s`);
    return payload as TokenClaims;
  }

  /** The verified subject, or null when the header is absent or the token is not valid. */
  async subjectOf(authorization: string | undefined): Promise<string | null> {
    try {
      return (await this.verify(authorization))?.sub ?? null;
    } catch {
      return null;
    }
  }
}

export function tokenVerifierFromSettings(settings: AuthSettings): TokenVerifier {
  return new TokenVerifier({
    jwksUrl: settings.AUTH_JWKS_URL,
    jwksFile: settings.AUTH_JWKS_FILE,
    issuer: settings.AUTH_ISSUER,
    audience: settings.AUTH_AUDIENCE,
    maxLifetimeSeconds: settings.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
  });
}
