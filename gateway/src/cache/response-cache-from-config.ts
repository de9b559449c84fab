import type { Logger } from '@rz/service-kit';
import type { RequestHandler } from 'express';
import type { QueryLimitsConfig, ResponseCacheConfig } from '../config';
import { listenForChanges } from './change-notices';
import { OperationAnalyzer } from './operation-analysis';
import { ResponseCache } from './response-cache';
import { responseCache } from './response-cache-middleware';

export interface GatewayResponseCache {
  /** Undefined when RESPONSE_CACHE is off. */
  cache?: ResponseCache;
  middleware: RequestHandler;
  close(): Promise<void>;
}

/** The response cache as configured: memory by default in production, off elsewhere; change notices when a database is given. */
export async function responseCacheFromConfig(
  config: ResponseCacheConfig & Pick<QueryLimitsConfig, 'QUERY_MAX_TOKENS'>,
  supergraphSdl: string,
  logger: Logger,
): Promise<GatewayResponseCache> {
  const mode = config.RESPONSE_CACHE ?? (config.NODE_ENV === 'production' ? 'memory' : 'off');
  if (mode === 'off') return { middleware: (_req, _res, next) => next(), close: async () => undefined };
  const cache = new ResponseCache(config.RESPONSE_CACHE_MAX_ENTRIES);
  const analyzer = new OperationAnalyzer(supergraphSdl, { defaultTtlSeconds: config.RESPONSE_CACHE_TTL_SECONDS, maxTokens: config.QUERY_MAX_TOKENS });
  const listener = config.RESPONSE_CACHE_DATABASE_URL ? await listenForChanges(cache, config.RESPONSE_CACHE_DATABASE_URL, logger) : undefined;
  return { cache, middleware: responseCache({ cache, analyzer }), close: async () => listener?.close() };
}
