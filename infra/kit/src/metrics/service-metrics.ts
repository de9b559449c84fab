import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; from a cached health check to a slow dashboard query. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Distinct operation names kept as label values; later new names count as `other` (clients choose names freely). */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

export type OperationOutcome = 'ok' | 'partial' | 'error' | 'refused';

/** One operation as the request log and the metrics see it. */
export interface OperationLabels {
  operationName?: string;
  operationType?: string;
  outcome: OperationOutcome;
}

/**
 * The metrics every service exposes (names in infra/deploy/README.md), on a registry of
 * its own so that several services in one test process never share a series.
 * Services add theirs with `counter`, `histogram` and `gauge`.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly operations: Counter<'operation_name' | 'operation_type' | 'outcome'>;
  private readonly operationDuration: Histogram<'operation_name' | 'operation_type' | 'outcome'>;
  /** Open graphql-ws sockets. */
  readonly websocketsOpen: Gauge;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.httpRequests = this.counter('rz_http_requests_total', 'HTTP requests answered', ['method', 'route', 'status']);
    this.httpDuration = this.histogram('rz_http_request_duration_seconds', 'HTTP request duration', ['method', 'route', 'status']);
    this.operations = this.counter('rz_graphql_operations_total', 'GraphQL operations over HTTP', ['operation_name', 'operation_type', 'outcome']);
    this.operationDuration = this.histogram('rz_graphql_operation_duration_seconds', 'GraphQL operation duration over HTTP', [
      'operation_name',
      'operation_type',
      'outcome',
    ]);
    this.websocketsOpen = new Gauge({ name: 'rz_websocket_open', help: 'Open graphql-ws sockets', registers: [this.registry] });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  }

  /** A gauge read when Prometheus scrapes; a failed read keeps the last value rather than failing the scrape. */
  gauge(name: string, help: string, read: () => number | Promise<number>): Gauge {
    return new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        try {
          this.set(await read());
        } catch {
          // e.g. the database is unreachable: /ready reports that.
        }
      },
    });
  }

  /** One answered HTTP request; `route` must come from a fixed set (never the raw path). */
  observeHttp(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  observeOperation(operation: OperationLabels, seconds: number): void {
    const labels = {
      operation_name: this.operationLabel(operation.operationName),
      operation_type: operation.operationType ?? 'unknown',
      outcome: operation.outcome,
    };
    this.operations.inc(labels);
    this.operationDuration.observe(labels, seconds);
  }

  /** The Prometheus text of every metric. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }
}

/** A node-postgres pool as the pool gauges read it. */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** `rz_pg_pool_in_use` and `rz_pg_pool_waiting`; `pool` is read at scrape time (undefined: 0). */
export function observePgPool(metrics: ServiceMetrics, pool: () => PoolCounts | undefined): void {
  metrics.gauge('rz_pg_pool_in_use', 'PostgreSQL connections checked out', () => {
    const p = pool();
    return p ? p.totalCount - p.idleCount : 0;
  });
  metrics.gauge('rz_pg_pool_waiting', 'Callers waiting for a PostgreSQL connection', () => pool()?.waitingCount ?? 0);
}
