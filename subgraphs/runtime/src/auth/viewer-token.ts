import { TokenRejected, type TokenClaims, type TokenVerifier } from '@rz/service-kit';
import { GraphQLError } from 'graphql';
import { ALL_ROLES, Role, type Viewer } from './viewer';

/**
 * The viewer a request's `Authorization` header names. No header means an
 * anonymous viewer; a header with a bad token is refused, never downgraded to
 * anonymous. The refusal says why (`extensions.reason`), never with key material.
 */
export async function viewerFromAuthorization(tokens: TokenVerifier, authorization: string | undefined): Promise<Viewer | null> {
  let claims: TokenClaims | null;
  try {
    claims = await tokens.verify(authorization);
  } catch (error) {
    if (!(error instanceof TokenRejected)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', reason: error.problem, http: { status: 401 } } });
  }
  return claims && viewerFromClaims(claims);
}

/** Our own claims besides the registered ones; unknown roles are ignored. */
export function viewerFromClaims(claims: TokenClaims): Viewer {
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ALL_ROLES.includes(r as Role)) : [];
  return {
    subject: claims.sub,
    roles,
    territory: typeof claims.territory === 'string' ? claims.territory : null,
    subprogramme: typeof claims.subprogramme === 'string' ? claims.subprogramme : null,
    /** Identity confirmed with a digital signature (EDS). */
    identityVerified: claims.eds === true,
  };
}
