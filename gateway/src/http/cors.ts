import type { Express, RequestHandler } from 'express';
import type { BrowserConfig, ServerConfig } from '../config';

/** Outside production, when CORS_ALLOWED_ORIGINS is unset: pages served from this machine, e.g. Vite on :5173. */
export const DEVELOPMENT_ORIGINS: readonly string[] = ['http://localhost:*', 'http://127.0.0.1:*'];

/** Headers a page may send: a bearer token, JSON or an upload's type, Apollo's CSRF header, a byte range of evidence. */
const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, range, x-lang';
/** Response headers a page may read besides the safe ones. */
const EXPOSED_HEADERS = 'retry-after, content-range, accept-ranges';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Whether an Origin header is on the allow-list; an entry `scheme://host:*` allows every port of that host. */
export function originAllowed(origin: string, allowList: readonly string[]): boolean {
  return allowList.some((entry) => {
    if (entry === origin) return true;
    if (!entry.endsWith(':*')) return false;
    const base = entry.slice(0, -2);
    return origin === base || (origin.startsWith(`${base}:`) && /^\d+$/.test(origin.slice(base.length + 1)));
  });
}

/**
 * CORS for pages on other origins. An allowed origin gets Access-Control-Allow-Origin (no cookies are
 * involved: tokens travel in Authorization) and its preflight a 204 with the allowed methods and
 * headers. Any other origin gets no CORS header at all, so its browser keeps the response from it.
 */
export function cors(allowList: readonly string[]): RequestHandler {
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.headers.origin;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (origin && originAllowed(origin, allowList)) {
      res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED_HEADERS });
      if (preflight) {
        res.set({
          'Access-Control-Allow-Methods': 'GET, POST',
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
        });
      }
    }
    // A preflight ends here, allowed or not: it must not reach Apollo, the rate limits or the upload.
    if (preflight) return res.status(204).end();
    next();
  };
}

export function allowedOriginsFromConfig(config: BrowserConfig & Pick<ServerConfig, 'NODE_ENV'>): readonly string[] {
  return config.CORS_ALLOWED_ORIGINS ?? (config.NODE_ENV === 'production' ? [] : DEVELOPMENT_ORIGINS);
}

/** CORS on the API and the evidence endpoints, mounted first so refusals (429, 413...) carry it too. */
export function mountCors(app: Express, config: BrowserConfig & Pick<ServerConfig, 'NODE_ENV'>): void {
  app.use(['/graphql', '/evidence'], cors(allowedOriginsFromConfig(config)));
}
