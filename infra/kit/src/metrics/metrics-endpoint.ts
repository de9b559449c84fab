import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ServiceMetrics } from './service-metrics';

/** How /metrics is protected; the gateway and every subgraph read the same setting. */
export const metricsSettings = {
  /**
   * Bearer token Prometheus sends to /metrics (32+ characters). Set: /metrics answers only
   * that token. Unset: /metrics is open outside production and not served in production.
   */
  METRICS_TOKEN: z.string().min(32, 'at least 32 characters').optional(),
};

export interface MetricsEndpointOptions {
  metrics: ServiceMetrics;
  token?: string;
  production: boolean;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether /metrics is served at all: in production only behind its token. */
export function metricsServed(options: Pick<MetricsEndpointOptions, 'token' | 'production'>): boolean {
  return !!options.token || !options.production;
}

/** GET /metrics handler: Prometheus text, or 401 without the token when one is set. */
export function metricsEndpoint(options: MetricsEndpointOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const expected = options.token ? digest(`Bearer ${options.token}`) : undefined;
  return async (req, res) => {
    // Compared as digests: constant time, whatever the length sent.
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="metrics"', 'Cache-Control': 'no-store' }).end();
      return;
    }
    const { contentType, body } = await options.metrics.render();
    res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body);
  };
}

/** Counts open WebSockets (`rz_websocket_open`): every upgraded socket until it closes. */
export function countWebSockets(server: Server, metrics: ServiceMetrics): void {
  server.on('upgrade', (_req, socket) => {
    metrics.websocketsOpen.inc();
    socket.once('close', () => metrics.websocketsOpen.dec());
  });
}
