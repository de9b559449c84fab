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

export type RateLimitedKind = 'request' | 'upload';

/**
 * Per-client budgets, in memory (one gateway replica; a shared store such as Redis
 * is a drop-in change in rate-limiter-flexible). The key is the verified token
 * subject, else the client address, so rotating forged tokens does not help.
 * HTTP requests and WebSocket subscribe messages draw on the same budget.
 */
export class ClientRateLimits {
  private readonly perSubject: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;
  private readonly uploads: RateLimiterMemory;

  constructor(private readonly options: RateLimitOptions) {
    const duration = options.windowSeconds ?? 60;
    this.perSubject = new RateLimiterMemory({ keyPrefix: 'subject', points: options.requests ?? 600, duration });
    this.perAddress = new RateLimiterMemory({ keyPrefix: 'address', points: options.anonymousRequests ?? 600, duration });
    this.uploads = new RateLimiterMemory({ keyPrefix: 'upload', points: options.uploads ?? 30, duration });
  }

  /** Takes one point from the caller's budget: null when granted, else the seconds to wait. */
  async consume(kind: RateLimitedKind, authorization: string | undefined, address: string): Promise<number | null> {
    const subject = await this.options.tokens.subjectOf(authorization);
    const limiter = kind === 'upload' ? this.uploads : subject ? this.perSubject : this.perAddress;
    try {
      await limiter.consume(subject ? `sub:${subject}` : `ip:${address}`);
      return null;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw refusal;
    }
  }
}

function refuse(res: Response, seconds: number): void {
  res.status(429).set('Retry-After', String(seconds)).json(rateLimitedBody(seconds));
}

/** Mounted before body parsing: a refused request costs nothing else. */
export function mountRateLimits(app: Express, limits: ClientRateLimits): void {
  const limit =
    (kindOf: (req: Request) => RateLimitedKind): RequestHandler =>
    async (req, res, next) => {
      try {
        const wait = await limits.consume(kindOf(req), req.headers.authorization, req.ip ?? req.socket.remoteAddress ?? 'unknown');
        if (wait !== null) return refuse(res, wait);
      } catch (error) {
        return next(error);
      }
      next();
    };

  app.use('/graphql', limit(() => 'request'));
  app.use('/evidence', limit((req) => (req.method === 'POST' ? 'upload' : 'request')));
}

/**
 * Rate limits as configured (RATE_LIMIT_*, TRUST_PROXY). Returns the budgets so the
 * WebSocket server can share them; null (nothing mounted) when RATE_LIMIT_ENABLED is false.
 */
export function mountRateLimitsFromConfig(app: Express, config: GatewayConfig): ClientRateLimits | null {
  app.set('trust proxy', config.TRUST_PROXY);
  if (!config.RATE_LIMIT_ENABLED) return null;
  const limits = new ClientRateLimits({
    tokens: tokenSubjectFromConfig(config),
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    requests: config.RATE_LIMIT_REQUESTS,
    anonymousRequests: config.RATE_LIMIT_ANONYMOUS_REQUESTS,
    uploads: config.RATE_LIMIT_UPLOADS,
  });
  mountRateLimits(app, limits);
  return limits;
}
