import type { SubgraphName } from '@rz/contract';
import type { Express } from 'express';

export interface ReadinessOptions {
  subgraphUrls: Record<SubgraphName, string>;
  /** Whether the supergraph is loaded and the server started. */
  isLoaded: () => boolean;
  /** Per-subgraph health probe timeout. Default 2000 ms. */
  timeoutMs?: number;
  /** Live subscription counts, reported by /health. */
  subscriptionStats?: () => { upstream: number; downstream: number };
}

/** `/health`: the process is up. `/ready`: the supergraph is loaded and every subgraph answers its /health. */
export function mountHealthRoutes(app: Express, options: ReadinessOptions): void {
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway', subscriptions: options.subscriptionStats?.() });
  });
  app.get('/ready', async (_req, res) => {
    const subgraphs = await Promise.all(
      Object.entries(options.subgraphUrls).map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(options.timeoutMs ?? 2_000) });
          return [name, response.ok ? 'up' : `status ${response.status}`] as const;
        } catch {
          return [name, 'unreachable'] as const;
        }
      }),
    );
    const ready = options.isLoaded() && subgraphs.every(([, state]) => state === 'up');
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      supergraph: options.isLoaded() ? 'loaded' : 'loading',
      subgraphs: Object.fromEntries(subgraphs),
    });
  });
}
