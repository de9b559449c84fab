import { Readable } from 'node:stream';
import { REQUEST_ID_HEADER } from '@rz/service-kit';
import type { Express, Request, Response } from 'express';
import { Agent, fetch } from 'undici';

/** What a visitor's browser or a link checker sends that the page depends on; never credentials or cookies. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'user-agent', 'if-none-match', 'if-modified-since', REQUEST_ID_HEADER];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-length', 'content-language', 'cache-control', 'location', 'vary', 'etag', 'last-modified'];

/** The public paths rukhani-qazyna serves: QR links and images, and the monument pages. */
const PUBLIC_PATHS = ['/q', /^\/(kk|ru|en)\/monuments(\/|$)/];

export interface PublicPagesOptions {
  /** The serving subgraph's origin (its GraphQL URL without the path). */
  upstream: string;
  /** Paths passed on. Default: rukhani-qazyna's QR links and monument pages. */
  paths?: (string | RegExp)[];
  /** Also pass POST (without its body; the page's URL says everything). Default false. */
  post?: boolean;
  /** Whole-request timeout. Default 30000 ms. */
  timeoutMs?: number;
}

/**
 * One public entry point: the gateway passes GET/HEAD of /q/<code>[.png|.svg] and
 * /<lang>/monuments/<id> to rukhani-qazyna (redirects are handed to the browser as they are,
 * so a QR scan is counted there once) and streams the answer back.
 */
export function mountPublicPages(app: Express, options: PublicPagesOptions): { close(): Promise<void> } {
  const agent = new Agent({ keepAliveTimeout: 4_000, headersTimeout: options.timeoutMs ?? 30_000, bodyTimeout: options.timeoutMs ?? 30_000 });
  const origin = new URL(options.upstream).origin;
  const proxy = async (req: Request, res: Response) => {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    try {
      const answer = await fetch(`${origin}${req.originalUrl}`, { method: req.method, headers, redirect: 'manual', dispatcher: agent });
      res.status(answer.status);
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = answer.headers.get(name);
        if (value !== null) res.setHeader(name, value);
      }
      if (!answer.body || req.method === 'HEAD') return void res.end();
      Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream).pipe(res);
    } catch {
      res.status(502).type('text/plain').set('Cache-Control', 'no-store').send('The page is temporarily unavailable.');
    }
  };
  for (const path of options.paths ?? PUBLIC_PATHS) {
    app.get(path instanceof RegExp ? path : [path, `${path}/*rest`], proxy);
    if (options.post) app.post(path instanceof RegExp ? path : [path, `${path}/*rest`], proxy);
  }
  return { close: () => agent.close() };
}
