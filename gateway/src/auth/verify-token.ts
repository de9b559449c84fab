import { TokenRejected, type TokenClaims, type TokenVerifier } from '@rz/service-kit';
import type { RequestHandler, Response } from 'express';
import { errorBody } from '../errors/coded-error';

/** What the one verification of a request's token found: claims (null: no token) or why it was refused. */
export type TokenOutcome = { claims: TokenClaims | null } | { rejected: TokenRejected };

const OUTCOME = 'tokenOutcome';

/** The outcome `verifyToken` stored for this request; undefined when it did not run. */
export function tokenOutcome(res: Response): TokenOutcome | undefined {
  return res.locals[OUTCOME] as TokenOutcome | undefined;
}

/** The verified subject for the rate limits: null for no token or a refused one (the address is the key then). */
export function verifiedSubject(outcome: TokenOutcome): string | null {
  return 'claims' in outcome ? (outcome.claims?.sub ?? null) : null;
}

/**
 * Verifies the request's bearer token once, before the rate limits, and keeps the outcome
 * on the response for them and for `refuseBadToken`. Only TokenRejected is a refusal; any
 * other failure (an unreachable JWKS) is the server's and goes to Express's error handler.
 */
export function verifyToken(tokens: Pick<TokenVerifier, 'verify'>): RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals[OUTCOME] = { claims: await tokens.verify(req.headers.authorization) } satisfies TokenOutcome;
    } catch (error) {
      if (!(error instanceof TokenRejected)) return next(error);
      res.locals[OUTCOME] = { rejected: error } satisfies TokenOutcome;
    }
    next();
  };
}

/**
 * A request with a token that does not verify gets 401 UNAUTHENTICATED with the reason
 * (`extensions.reason`, one of TokenRejected's problems: EXPIRED, BAD_SIGNATURE, ...), whatever
 * it asks, even `{ __typename }`: a bad token is never downgraded to anonymous. No token is anonymous.
 */
export function refuseBadToken(): RequestHandler {
  return (_req, res, next) => {
    const outcome = tokenOutcome(res);
    if (!outcome || !('rejected' in outcome)) return next();
    res
      .status(401)
      .set('WWW-Authenticate', 'Bearer error="invalid_token"')
      .json(errorBody('UNAUTHENTICATED', outcome.rejected.message, { reason: outcome.rejected.problem }));
  };
}
