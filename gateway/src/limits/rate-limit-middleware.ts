import type { Express, Request, RequestHandler } from 'express';
import { tokenOutcome, verifiedSubject } from '../auth/verify-token';
import { rateLimited, type ClientRateLimits, type RateLimitedKind } from './client-rate-limits';

/**
 * Express middleware for the per-client budgets on /graphql, /export and /evidence, mounted
 * before body parsing: a refused request costs nothing else. A refusal is a 429 with
 * Retry-After and a RATE_LIMITED error.
 */
export function mountRateLimits(app: Express, limits: ClientRateLimits): void {
  const limit =
    (kindOf: (req: Request) => RateLimitedKind): RequestHandler =>
    async (req, res, next) => {
      try {
        const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        // /graphql verified the token already (auth/verify-token); /evidence leaves it to the limits.
        const outcome = tokenOutcome(res);
        const wait = outcome
          ? await limits.consumeAs(kindOf(req), verifiedSubject(outcome), address)
          : await limits.consume(kindOf(req), req.headers.authorization, address);
        if (wait !== null) return res.status(429).set('Retry-After', String(wait)).json({ errors: [rateLimited(wait).toJSON()] });
      } catch (error) {
        return next(error);
      }
      next();
    };

  app.use('/graphql', limit(() => 'request'));
  app.use('/export', limit(() => 'request'));
  app.use('/evidence', limit((req) => (req.method === 'POST' ? 'upload' : 'request')));
}
