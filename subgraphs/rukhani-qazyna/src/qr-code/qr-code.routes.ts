import { FALLBACK_ORDER } from '@rz/schema';
import type { Logger } from '@rz/service-kit';
import type { Express, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { monumentPageUrl, qrCodeUrl, readerLang } from '../public-links/public-links';
import { pngWidth, qrPng, qrSvg } from './qr-code.image';
import { qrNotFoundPage, qrUnavailablePage } from './qr-code.pages';
import { findQrCode, recordQrScan } from './qr-code.service';
import { deviceClass } from './qr-scan.device';

export interface QrRoutesOptions {
  db: DataSource;
  logger: Logger;
  /** Public origin (no trailing slash) of QR links and monument pages. */
  publicBaseUrl: string;
}

const LINK = /^([0-9A-Za-z]{4,32})(?:\.(svg|png))?$/;

/**
 * GET /q/<code>: counts the scan and redirects to the monument's page in the reader's
 * language; /q/<code>.svg and .png: the printable image of the link. Unknown codes get
 * an HTML 404 page and failures an HTML 503 page, never a stack trace.
 */
export function mountQrRoutes(app: Express, { db, logger, publicBaseUrl }: QrRoutesOptions): void {
  const notFoundPage = (res: Response) => res.status(404).type('html').set('Cache-Control', 'no-store').send(qrNotFoundPage(publicBaseUrl));

  app.get('/q/:link', async (req: Request<{ link: string }>, res: Response) => {
    const match = LINK.exec(req.params.link);
    if (!match) return notFoundPage(res);
    const [, code, format] = match;
    try {
      const qr = await findQrCode(db, code);
      if (!qr) return notFoundPage(res);
      const url = qrCodeUrl(publicBaseUrl, qr.code);
      if (format === 'svg') return res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(await qrSvg(url));
      if (format === 'png') return res.type('image/png').set('Cache-Control', 'public, max-age=86400').send(await qrPng(url, pngWidth(req.query.size)));

      const lang = readerLang(req.acceptsLanguages(...FALLBACK_ORDER), req.get('accept-language'));
      // HEAD is what link checkers send; only GET is a visit.
      if (req.method === 'GET') {
        try {
          await recordQrScan(db, qr, lang, deviceClass(req.get('user-agent')));
        } catch (error) {
          // A visitor still reaches the page when counting fails.
          logger.warn({ err: error, qrCodeId: qr.id }, 'QR scan not recorded');
        }
      }
      // 302, never cached: every scan must reach us to be counted.
      return res.set('Cache-Control', 'no-store').vary('Accept-Language').redirect(302, monumentPageUrl(publicBaseUrl, lang, qr.monumentId));
    } catch (error) {
      logger.error({ err: error }, 'QR request failed');
      return res.status(503).type('html').set('Cache-Control', 'no-store').send(qrUnavailablePage());
    }
  });
  app.use('/q', (_req: Request, res: Response) => notFoundPage(res));
}
