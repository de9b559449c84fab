import type { Logger, TokenVerifier } from '@rz/service-kit';
import type { GraphQLError } from 'graphql';
import { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitsConfig } from '../config';
import { codedError } from '../errors/coded-error';

export interface RateLimitOptions {
  /** Verifies tokens so that the key is a subject no one can forge. */
  tokens: Pick<TokenVerifier, 'subjectOf'>;
  /** Window length in seconds. Default 60. */
  windowSeconds?: number;
  /** Requests per window for a signed-in subject. Default 600. */
  requests?: number;
  /** Requests per window for a client address without a valid token. Default 600. */
  anonymousRequests?: number;
  /** Evidence uploads (POST /evidence) per window. Default 30. */
  uploads?: number;
  /** PostgreSQL shared by the gateway replicas, so a client has one budget across them. Default none: in memory. */
  pool?: Pool;
}

/** The table the shared budgets live in, in rate-limiter-flexible's layout. */
export const RATE_LIMIT_TABLE = 'gateway_rate_limits';

/**
 * Creates the shared table once. PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe
 * when run concurrently (replicas starting together, or three limiters of one gateway:
 * "type already exists"), so creation is serialised with an advisory lock.
 */
export async function createRateLimitTable(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [RATE_LIMIT_TABLE]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${RATE_LIMIT_TABLE} (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The refusal of a request over budget, the same over HTTP and WebSocket. */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return codedError('RATE_LIMITED', `Too many requests; retry in ${retryAfterSeconds} s`, { retryAfter: retryAfterSeconds });
}

export type RateLimitedKind = 'request' | 'upload';

/**
 * Per-client budgets: in memory for one gateway, or in PostgreSQL shared by several
 * replicas (with the memory budget as insurance while the database is unreachable).
 * The key is the verified token subject, else the client address, so rotating forged
 * tokens does not help. HTTP requests and WebSocket subscribe messages draw on the same budget.
 */
export class ClientRateLimits {
  private readonly perSubject: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;
  private readonly uploads: RateLimiterAbstract;

  /** Budgets ready to use: with a pool, the shared table is created first. */
  static async create(options: RateLimitOptions): Promise<ClientRateLimits> {
    if (options.pool) await createRateLimitTable(options.pool);
    return new ClientRateLimits(options);
  }

  private constructor(private readonly options: RateLimitOptions) {
    const duration = options.windowSeconds ?? 60;
    const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ keyPrefix, points, duration });
      if (!options.pool) return memory;
      return new RateLimiterPostgres({
        storeClient: options.pool,
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        keyPrefix,
        points,
        duration,
        insuranceLimiter: memory,
      });
    };
    this.perSubject = limiter('subject', options.requests ?? 600);
    this.perAddress = limiter('address', options.anonymousRequests ?? 600);
    this.uploads = limiter('upload', options.uploads ?? 30);
  }

  /** Takes one point from the caller's budget: null when granted, else the seconds to wait. */
  async consume(kind: RateLimitedKind, authorization: string | undefined, address: string): Promise<number | null> {
    return this.consumeAs(kind, await this.options.tokens.subjectOf(authorization), address);
  }

  /** The same for a subject the caller has already verified (null: keyed by address). */
  async consumeAs(kind: RateLimitedKind, subject: string | null, address: string): Promise<number | null> {
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

/**
 * Budgets as configured (RATE_LIMIT_*), keyed by subjects the one token verifier
 * vouches for; `limits` is null when RATE_LIMIT_ENABLED is false. `close` ends the
 * shared database's pool, if any.
 */
export async function clientRateLimitsFromConfig(
  config: RateLimitsConfig,
  tokens: Pick<TokenVerifier, 'subjectOf'>,
  logger: Logger,
): Promise<{ limits: ClientRateLimits | null; close(): Promise<void> }> {
  const pool = config.RATE_LIMIT_DATABASE_URL ? new Pool({ connectionString: config.RATE_LIMIT_DATABASE_URL, max: 5 }) : undefined;
  // A dropped idle connection must not stop the gateway; the in-memory budget covers until it reconnects.
  pool?.on('error', (error) => logger.warn({ err: error }, 'rate-limit database connection lost'));
  const close = async () => {
    await pool?.end();
  };
  if (!config.RATE_LIMIT_ENABLED) return { limits: null, close };
  const limits = await ClientRateLimits.create({
    tokens,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    requests: config.RATE_LIMIT_REQUESTS,
    anonymousRequests: config.RATE_LIMIT_ANONYMOUS_REQUESTS,
    uploads: config.RATE_LIMIT_UPLOADS,
    pool,
  });
  return { limits, close };
}
