import type { Logger } from '@rz/service-kit';
import type { RequestHandler } from 'express';
import type { QueryLimitsConfig, ResponseCacheConfig } from '../config';
import { listenForChanges } from './change-notices';
import { OperationAnalyzer } from './operation-analysis';
import { PostgresResponseCache } from './postgres-response-cache';
import { MemoryResponseCache, type ResponseCache } from './response-cache';
import { responseCache } from './response-cache-middleware';

export interface GatewayResponseCache {
  /** Undefined when RESPONSE_CACHE is off. */
  cache?: ResponseCache;
  middleware: RequestHandler;
  close(): Promise<void>;
}

/** The response cache as configured: memory by default in production, off elsewhere, or PostgreSQL shared by replicas; change notices when a database is given. */
export async function responseCacheFromConfig(
  config: ResponseCacheConfig & Pick<QueryLimitsConfig, 'QUERY_MAX_TOKENS'>,
  supergraphSdl: string,
  logger: Logger,
): Promise<GatewayResponseCache> {
  const mode = config.RESPONSE_CACHE ?? (config.NODE_ENV === 'production' ? 'memory' : 'off');
  if (mode === 'off') return { middleware: (_req, _res, next) => next(), close: async () => undefined };
  if (mode === 'postgres' && !config.RESPONSE_CACHE_DATABASE_URL) throw new Error('RESPONSE_CACHE=postgres needs RESPONSE_CACHE_DATABASE_URL');
  const store = mode === 'postgres' ? await PostgresResponseCache.open(config.RESPONSE_CACHE_DATABASE_URL!) : undefined;
  const cache: ResponseCache = store ?? new MemoryResponseCache(config.RESPONSE_CACHE_MAX_ENTRIES);
  const analyzer = new OperationAnalyzer(supergraphSdl, { defaultTtlSeconds: config.RESPONSE_CACHE_TTL_SECONDS, maxTokens: config.QUERY_MAX_TOKENS });
  const listener = config.RESPONSE_CACHE_DATABASE_URL ? await listenForChanges(cache, config.RESPONSE_CACHE_DATABASE_URL, logger) : undefined;
  return { cache, middleware: responseCache({ cache, analyzer }), close: async () => {
      await listener?.close();
      await store?.close();
    },
  };
}
