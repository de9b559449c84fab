import { NOTIFICATION_LANGUAGES, type NotificationLanguage } from '@rz/contract';
import type { Logger } from '@rz/service-kit';
import type { Express, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { confirmPage, donePage, invalidLinkPage, unavailablePage } from './unsubscribe.pages';
import { profileLanguage, unsubscribe } from './unsubscribe.service';
import { verifyUnsubscribeToken } from './unsubscribe-token';

export const UNSUBSCRIBE_ROUTE = '/unsubscribe';

/**
 * GET /unsubscribe?token=...: a page asking to confirm; POST (the mail client's one-click,
 * RFC 8058, or the page's button): switches the kind's mails off. Pages in the person's language.
 */
export function mountUnsubscribeRoutes(app: Express, deps: { db: DataSource; logger: Logger; linkSecret: string }): void {
  const handle = async (req: Request, res: Response) => {
    const browserLang = (req.acceptsLanguages(...NOTIFICATION_LANGUAGES) || 'kk') as NotificationLanguage;
    res.set('Cache-Control', 'no-store').type('html');
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const link = await verifyUnsubscribeToken(deps.linkSecret, token);
    if (!link) return res.status(400).send(invalidLinkPage(browserLang));
    try {
      const lang = (await profileLanguage(deps.db, link.subject)) ?? browserLang;
      if (req.method === 'GET') return res.send(confirmPage(lang, link.scope === 'ALL', token));
      await unsubscribe(deps.db, link.subject, link.scope);
      deps.logger.info({ kind: link.scope }, 'unsubscribed from mails');
      return res.send(donePage(lang, link.scope === 'ALL'));
    } catch (error) {
      deps.logger.error({ err: error }, 'unsubscribe failed');
      return res.status(503).send(unavailablePage(browserLang));
    }
  };
  app.get(UNSUBSCRIBE_ROUTE, handle);
  app.post(UNSUBSCRIBE_ROUTE, handle);
}
