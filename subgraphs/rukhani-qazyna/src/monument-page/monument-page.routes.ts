import { FALLBACK_ORDER, Lang, localizedOf, pickLocalized } from '@rz/schema';
import type { Logger } from '@rz/service-kit';
import type { Express, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { MonumentEntity } from '../monument/monument.entity';
import { monumentPageUrl } from '../public-links/public-links';
import { qrUnavailablePage } from '../qr-code/qr-code.pages';
import { monumentNotFoundPage, monumentPage } from './monument-page.html';

export interface MonumentPageOptions {
  db: DataSource;
  logger: Logger;
  /** Public origin (no trailing slash) of the links on the page. */
  publicBaseUrl: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route label of these pages in request logs and metrics. */
export const MONUMENT_PAGE_ROUTE: [string, RegExp] = ['/monuments', /^\/(kk|ru|en)\/monuments(\/|$)/];

/**
 * GET /<lang>/monuments/<id>: the monument's public page in kk, ru or en (where a QR code
 * redirects), text in that language with the programme's fallback; an unknown monument gets
 * a 404 page in the same language.
 */
export function mountMonumentPages(app: Express, { db, logger, publicBaseUrl }: MonumentPageOptions): void {
  app.get('/:lang/monuments/:id', async (req: Request<{ lang: string; id: string }>, res: Response, next) => {
    const lang = FALLBACK_ORDER.find((l) => l === req.params.lang);
    if (!lang) return next();
    res.set('Content-Language', lang);
    const monument = UUID.test(req.params.id) ? await db.getRepository(MonumentEntity).findOneBy({ id: req.params.id }).catch((error: Error) => error) : null;
    if (monument instanceof Error) {
      logger.error({ err: monument }, 'monument page failed');
      return res.status(503).type('html').set('Cache-Control', 'no-store').send(qrUnavailablePage());
    }
    if (!monument) return res.status(404).type('html').set('Cache-Control', 'no-store').send(monumentNotFoundPage(lang));
    const text = (prefix: 'name' | 'description') => pickLocalized(localizedOf(monument, prefix), lang as Lang);
    return res
      .type('html')
      .set('Cache-Control', 'public, max-age=300')
      .send(
        monumentPage(lang, {
          name: text('name') ?? '',
          description: text('description'),
          period: monument.period,
          alternates: FALLBACK_ORDER.filter((l) => l !== lang).map((l) => ({ lang: l, url: monumentPageUrl(publicBaseUrl, l, monument.id) })),
        }),
      );
  });
}
