import type { SubgraphName } from '@rz/contract';
import type { Express } from 'express';

export interface HealthOptions {
  subgraphUrls: Record<SubgraphName, string>;
  /** Whether this gateway can serve: the supergraph is loaded and it is not draining for shutdown. */
  isReady: () => boolean;
  /** Whether the supergraph is loaded (reported beside readiness). */
  isLoaded: () => boolean;
  /** Per-subgraph health probe timeout. Default 2000 ms. */
  timeoutMs?: number;
  /** How long a round of subgraph probes is reused. Default 3000 ms. */
  cacheMs?: number;
  /** Live subscription counts, reported by /health. */
  subscriptionStats?: () => { upstream: number; downstream: number };
}

type SubgraphState = 'up' | 'unreachable' | `status ${number}`;

interface Snapshot {
  checkedAt: string;
  subgraphs: Record<string, SubgraphState>;
}

/**
 * The subgraphs' health as last probed: at most one round of probes per `cacheMs`, however many
 * callers; a caller gets the last round at once and a stale one starts the next in the background.
 */
export class SubgraphHealth {
  private snapshot: Snapshot | undefined;
  private probing: Promise<Snapshot> | undefined;
  private probedAt = 0;
  /** Rounds of probes sent so far. */
  rounds = 0;

  constructor(private readonly options: Pick<HealthOptions, 'subgraphUrls' | 'timeoutMs' | 'cacheMs'>) {}

  async current(): Promise<Snapshot> {
    if (Date.now() - this.probedAt >= (this.options.cacheMs ?? 3_000)) this.refresh();
    return this.snapshot ?? this.probing!;
  }

  private refresh(): void {
    if (this.probing) return;
    this.probedAt = Date.now();
    this.rounds += 1;
    this.probing = this.probe().then((snapshot) => {
      this.snapshot = snapshot;
      this.probing = undefined;
      return snapshot;
    });
  }

  private async probe(): Promise<Snapshot> {
    const timeout = this.options.timeoutMs ?? 2_000;
    const states = await Promise.all(
      Object.entries(this.options.subgraphUrls).map(async ([name, url]): Promise<[string, SubgraphState]> => {
        try {
          const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(timeout) });
          await response.body?.cancel();
          return [name, response.ok ? 'up' : `status ${response.status}`];
        } catch {
          return [name, 'unreachable'];
        }
      }),
    );
    return { checkedAt: new Date().toISOString(), subgraphs: Object.fromEntries(states) };
  }
}

/**
 * `/health` (liveness): the process is up, always 200; it also reports the subgraphs' health
 * (cached, see SubgraphHealth) and the live subscriptions. `/ready` (readiness): this gateway's own
 * state only, the supergraph loaded and not draining; never the subgraphs', so one subgraph's outage
 * does not take every gateway out of its Service (their fields come back null with errors instead).
 */
export function mountHealthRoutes(app: Express, options: HealthOptions): SubgraphHealth {
  const health = new SubgraphHealth(options);
  app.get('/health', async (_req, res) => {
    const { checkedAt, subgraphs } = await health.current();
    res.json({ status: 'ok', service: 'gateway', subscriptions: options.subscriptionStats?.(), subgraphs, subgraphsCheckedAt: checkedAt });
  });
  app.get('/ready', (_req, res) => {
    const ready = options.isReady();
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      supergraph: options.isLoaded() ? 'loaded' : 'loading',
      ...(options.isLoaded() && !ready ? { draining: true } : {}),
    });
  });
  return health;
}
