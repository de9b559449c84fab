import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ALL_ROLES, Role, type Viewer } from './viewer';

export interface TokenVerifierOptions {
  jwksUrl?: string;
  jwksFile?: string;
  issuer: string;
  audience: string;
}

/** Claims our tokens carry besides the registered ones. */
interface GraphClaims extends JWTPayload {
  roles?: unknown;
  territory?: unknown;
  subprogramme?: unknown;
  /** Identity confirmed with a digital signature (EDS). */
  eds?: unknown;
}

const ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Verifies `Authorization: Bearer` tokens. No header means an anonymous viewer;
 * a header with a bad token is refused, never downgraded to anonymous.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwksUrl) this.keys = createRemoteJWKSet(new URL(options.jwksUrl));
    else if (options.jwksFile) this.keys = createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8')));
    else throw new Error('TokenVerifier needs a JWKS URL or file');
  }

  async viewerFrom(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('Authorization header must be "Bearer <token>"');
    let claims: GraphClaims;
    try {
      ({ payload: claims } = await jwtVerify<GraphClaims>(match[1], this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw unauthenticated(`Invalid token: ${(error as Error).message}`);
    }
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ALL_ROLES.includes(r as Role)) : [];
    return {
      subject: claims.sub!,
      roles,
      territory: typeof claims.territory === 'string' ? claims.territory : null,
      subprogramme: typeof claims.subprogramme === 'string' ? claims.subprogramme : null,
      identityVerified: claims.eds === true,
    };
  }
}
