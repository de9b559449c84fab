import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { stableJson } from '../subscriptions/subscription-planner';
import type { OperationAnalyzer } from './operation-analysis';
import type { CachedAnswer, ResponseCache } from './response-cache';

/** Content types a browser may send cross-site without a preflight: Apollo's CSRF prevention refuses them without a custom header. */
const SIMPLE_CONTENT_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

/** Apollo's csrfPrevention test, so a cached GET is refused exactly when Apollo would refuse it. */
function preflighted(req: Request): boolean {
  const contentType = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (contentType && !SIMPLE_CONTENT_TYPES.has(contentType)) return true;
  return Boolean(req.headers['apollo-require-preflight'] || req.headers['x-apollo-operation-name']);
}

/** Larger answers are not kept: a few of them would crowd out the many small ones. */
const MAX_CACHED_BYTES = 512 * 1024;

interface GraphQLParameters {
  query: string;
  operationName?: string;
  variables: unknown;
}

const isMap = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The operation's parameters from the URL (GET) or the JSON body (POST). Undefined for anything the
 * cache leaves to Apollo: malformed or oddly typed parameters, and `extensions` (whose meaning the
 * key would not carry), so a cached answer never stands in for one of Apollo's refusals.
 */
function parametersOf(req: Request): GraphQLParameters | undefined {
  try {
    let raw: { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };
    if (req.method === 'GET') {
      const search = new URL(req.url, 'http://gateway').searchParams;
      const variables = search.get('variables');
      raw = { query: search.get('query'), operationName: search.get('operationName') ?? undefined, variables: variables ? JSON.parse(variables) : undefined, extensions: search.get('extensions') ?? undefined };
    } else if (req.method === 'POST' && isMap(req.body)) {
      raw = req.body as typeof raw;
    } else {
      return undefined;
    }
    const { query, operationName, variables, extensions } = raw;
    if (typeof query !== 'string' || extensions != null) return undefined;
    if (operationName != null && typeof operationName !== 'string') return undefined;
    if (variables != null && !isMap(variables)) return undefined;
    return { query, operationName: operationName ?? undefined, variables: variables ?? {} };
  } catch {
    return undefined;
  }
}

/** A complete answer without errors: the only kind worth keeping. */
function cleanAnswer(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return parsed.data != null && parsed.errors === undefined;
  } catch {
    return false;
  }
}

/**
 * Calls `before` with the body just before Express sends it (Apollo's integration ends with
 * `res.send(string)`); when `before` answers a promise (a shared store), the body waits for it.
 */
function beforeSend(res: Response, before: (body: unknown) => void | Promise<unknown>): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    res.send = send;
    const pending = before(body);
    if (!pending) return send(body);
    void pending.catch(() => undefined).then(() => send(body));
    return res;
  };
}

function setCacheHeaders(req: Request, res: Response, answer: CachedAnswer, state: 'HIT' | 'MISS'): void {
  res.setHeader('x-cache', state);
  if (req.method !== 'GET') return;
  // A CDN or browser may reuse the answer for a second, then revalidates with If-None-Match (304 when unchanged).
  res.setHeader('cache-control', 'public, max-age=1, must-revalidate');
  res.setHeader('etag', answer.etag);
  res.setHeader('vary', 'Accept, Accept-Language, X-Lang, Authorization');
}

export interface ResponseCacheOptions {
  cache: ResponseCache;
  analyzer: OperationAnalyzer;
}

/**
 * The response cache on /graphql, after trusted documents and before Apollo. Anonymous queries are
 * answered from the cache when an equal one (normalised document, operation name, variables, Accept
 * and Accept-Language) was answered without errors since the last change to any subgraph it read.
 * Signed-in callers always go to the subgraphs. A mutation through this gateway evicts what its
 * subgraphs serve before its answer leaves, so its caller's next read is fresh.
 */
export function responseCache({ cache, analyzer }: ResponseCacheOptions): RequestHandler {
  return (req, res, next) => {
    const parameters = parametersOf(req);
    if (!parameters) return next();
    const shape = analyzer.analyze(parameters.query, parameters.operationName);
    if (shape.kind === 'mutation' && req.method === 'POST') {
      beforeSend(res, () => Promise.all(shape.subgraphs.map((subgraph) => cache.evictSubgraph(subgraph))));
      return next();
    }
    if (shape.kind !== 'query' || req.headers.authorization || (req.method === 'GET' && !preflighted(req))) return next();

    const key = createHash('sha256')
      .update([shape.normalized, parameters.operationName ?? '', stableJson(parameters.variables), req.headers.accept ?? '', req.headers['accept-language'] ?? '', req.headers['x-lang'] ?? ''].join('\0'))
      .digest('base64url');
    const lookup = async () => {
      const hit = await cache.get(key);
      if (hit) {
        setCacheHeaders(req, res, hit, 'HIT');
        res.status(200).type(hit.contentType).send(hit.body);
        return;
      }
      const snapshot = await cache.snapshot(shape.subgraphs);
      beforeSend(res, async (body) => {
        if (res.statusCode !== 200 || typeof body !== 'string' || body.length > MAX_CACHED_BYTES || !cleanAnswer(body)) return;
        const contentType = String(res.getHeader('content-type') ?? 'application/json; charset=utf-8');
        const stored = await cache.set(key, { body, contentType, expiresAt: Date.now() + shape.ttlSeconds * 1000, subgraphs: shape.subgraphs }, snapshot);
        if (stored) setCacheHeaders(req, res, stored, 'MISS');
      });
      next();
    };
    // A store that fails (the database is away) is skipped: Apollo answers as if there were no cache.
    lookup().catch(() => next());
  };
}
