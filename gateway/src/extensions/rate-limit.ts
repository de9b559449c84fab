import type { Express, Request, RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { GatewayConfig } from '../config';
import { tokenSubjectFromConfig, type TokenSubject } from './token-subject';

export interface RateLimitOptions {
  /** Verifies tokens so that the key is a subject no one can forge. */
  tokens: TokenSubject;
  /** Window length in seconds. Default 60. */
  windowSeconds?: number;
  /** Requests per window for a signed-in subject. Default 600. */
  requests?: number;
  /** Requests per window for a client address without a valid token. Default 600. */
  anonymousRequests?: number;
  /** Evidence uploads (POST /evidence) per window. Default 30. */
  uploads?: number;
  /** Express `trust proxy`, which decides the client address. Default false (the socket's address). */
  trustProxy?: boolean | number | string;
}

/** The error body of a refused request, shaped like a GraphQL error so clients handle it in one place. */
export function rateLimitedBody(retryAfterSeconds: number) {
  return {
    errors: [
      {
        message: `Too many requests; retry in ${retryAfterSeconds} s`,
        extensions: { code: 'RATE_LIMITED', retryAfter: retryAfterSeconds },
      },
    ],
  };
}

function refuse(res: Response, refusal: RateLimiterRes): void {
  const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
  res.status(429).set('Retry-After', String(seconds)).json(rateLimitedBody(seconds));
}

/**
 * Per-client rate limits, in memory (one gateway replica; a shared store such as
 * Redis is a drop-in change in rate-limiter-flexible). The key is the verified token
 * subject, else the client address, so rotating forged tokens does not help.
 * Mounted before body parsing: a refused request costs nothing else.
 */
export function mountRateLimits(app: Express, options: RateLimitOptions): void {
  app.set('trust proxy', options.trustProxy ?? false);
  const duration = options.windowSeconds ?? 60;
  const perSubject = new RateLimiterMemory({ keyPrefix: 'subject', points: options.requests ?? 600, duration });
  const perAddress = new RateLimiterMemory({ keyPrefix: 'address', points: options.anonymousRequests ?? 600, duration });
  const uploads = new RateLimiterMemory({ keyPrefix: 'upload', points: options.uploads ?? 30, duration });

  const limit =
    (pick: (req: Request, subject: string | null) => RateLimiterMemory): RequestHandler =>
    async (req, res, next) => {
      const subject = await options.tokens.subjectOf(req.headers.authorization);
      const key = subject ? `sub:${subject}` : `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
      try {
        await pick(req, subject).consume(key);
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return refuse(res, refusal);
        return next(refusal);
      }
      next();
    };

  app.use('/graphql', limit((_req, subject) => (subject ? perSubject : perAddress)));
  app.use('/evidence', limit((req, subject) => (req.method === 'POST' ? uploads : subject ? perSubject : perAddress)));
}

/** Rate limits as configured (RATE_LIMIT_*, TRUST_PROXY); nothing is mounted when RATE_LIMIT_ENABLED is false. */
export function mountRateLimitsFromConfig(app: Express, config: GatewayConfig): void {
  app.set('trust proxy', config.TRUST_PROXY);
  if (!config.RATE_LIMIT_ENABLED) return;
  mountRateLimits(app, {
    tokens: tokenSubjectFromConfig(config),
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    requests: config.RATE_LIMIT_REQUESTS,
    anonymousRequests: config.RATE_LIMIT_ANONYMOUS_REQUESTS,
    uploads: config.RATE_LIMIT_UPLOADS,
    trustProxy: config.TRUST_PROXY,
  });
}
