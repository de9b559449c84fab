import type { ServiceMetrics } from '@rz/service-kit';
import type { SubgraphTransport } from './subgraph-transport';

/** What the gateway measures of its subgraph requests. */
export interface UpstreamMetrics {
  fetchDuration: ReturnType<ServiceMetrics['histogram']>;
  fetchErrors: ReturnType<ServiceMetrics['counter']>;
  /** Fetches answered by an identical one already in flight (in-flight-requests.ts). */
  deduplicated: ReturnType<ServiceMetrics['counter']>;
  /** Fetches sent inside another request to the same subgraph (fetch-merging.ts). */
  merged: ReturnType<ServiceMetrics['counter']>;
}

/** The subgraph fetch metrics. */
export function upstreamMetrics(metrics: ServiceMetrics): UpstreamMetrics {
  return {
    deduplicated: metrics.counter('rz_subgraph_fetches_deduplicated_total', 'Subgraph fetches answered by an identical one in flight', ['subgraph']),
    merged: metrics.counter('rz_subgraph_fetches_merged_total', 'Subgraph fetches merged into another request to the same subgraph', ['subgraph']),
    fetchDuration: metrics.histogram('rz_subgraph_fetch_duration_seconds', 'Time of a subgraph request until its answer is read', ['subgraph']),
    fetchErrors: metrics.counter('rz_subgraph_fetch_errors_total', 'Subgraph fetches that failed: no response (network) or an HTTP error status', ['subgraph', 'kind']),
  };
}

/** A subgraph's transport that times every request and counts failures. */
export function measuredTransport(subgraph: string, transport: SubgraphTransport, metrics: UpstreamMetrics): SubgraphTransport {
  return async (url, headers, body) => {
    const stop = metrics.fetchDuration.startTimer({ subgraph });
    try {
      const answer = await transport(url, headers, body);
      if (answer.status >= 400) metrics.fetchErrors.inc({ subgraph, kind: 'status' });
      return answer;
    } catch (error) {
      metrics.fetchErrors.inc({ subgraph, kind: 'network' });
      throw error;
    } finally {
      stop();
    }
  };
}
