import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@rz/service-kit';
import express, { type Express } from 'express';

/** Where the dashboard is served; its build uses this base path (dashboard/vite.config.mts). */
export const DASHBOARD_PATH = '/dashboard';

/**
 * Everything the dashboard may load: its own files and the API on this origin (WebSocket included).
 * Nothing from a CDN or another site, so the dashboard works offline and leaks nothing.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built dashboard (dashboard/dist) at /dashboard/. Hashed assets are cached for a year;
 * index.html is revalidated, so a new build is picked up at once.
 */
export function mountDashboard(app: Express, dir: string, logger: Logger): void {
  if (!dir) return;
  if (!existsSync(join(dir, 'index.html'))) {
    logger.warn({ dir }, 'dashboard not built (npm run build): /dashboard/ answers 404');
  }
  app.use(DASHBOARD_PATH, (req, res, next) => {
    // Relative asset paths need the trailing slash.
    const [path, query] = req.originalUrl.split('?');
    if (path === DASHBOARD_PATH) return res.redirect(301, `${DASHBOARD_PATH}/${query ? `?${query}` : ''}`);
    res.set({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
    next();
  });
  app.use(
    DASHBOARD_PATH,
    express.static(dir, {
      index: 'index.html',
      redirect: false,
      setHeaders: (res, path) => {
        // Vite names assets by their content hash: a changed file is a new name.
        res.set('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
}
