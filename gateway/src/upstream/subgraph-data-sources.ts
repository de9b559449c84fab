import type { GraphQLDataSource } from '@apollo/gateway';
import { SUBGRAPHS, type SubgraphName } from '@rz/contract';
import { gatewaySecretParams, type QueryLimitSettings } from '@rz/service-kit';
import type { UpstreamConfig } from '../config';
import { measuredTransport, type UpstreamMetrics } from './fetch-metrics';
import type { SubgraphTransport } from './subgraph-transport';
import type { SupergraphFields } from './supergraph-fields';
import { ResilientDataSource } from './unavailable-subgraph';

/** One data source per subgraph, shared by HTTP operations and subscription events. */
export function buildSubgraphDataSources(
  config: Pick<UpstreamConfig, 'subgraphUrls' | 'SUBGRAPH_SHARED_SECRET'> & Pick<QueryLimitSettings, 'QUERY_MAX_ALIASES' | 'QUERY_MAX_DIRECTIVES' | 'QUERY_MAX_TOKENS'>,
  transport: SubgraphTransport,
  /** Who resolves which field (`supergraphFields(supergraph)`): what an outage leaves null, and what another subgraph can answer instead. */
  fields: SupergraphFields,
  metrics: UpstreamMetrics,
): Record<SubgraphName, GraphQLDataSource> {
  // Production subgraphs answer only the gateway.
  const headers = gatewaySecretParams(config.SUBGRAPH_SHARED_SECRET);
  // The subgraphs read the same limit settings as the gateway.
  const mergeLimits = { maxAliases: config.QUERY_MAX_ALIASES, maxDirectives: config.QUERY_MAX_DIRECTIVES, maxTokens: config.QUERY_MAX_TOKENS };
  const peers = new Map<string, ResilientDataSource>();
  for (const { name } of SUBGRAPHS) {
    peers.set(name, new ResilientDataSource({ name, url: config.subgraphUrls[name], transport: measuredTransport(name, transport, metrics), headers, metrics, mergeLimits, fields, peers }));
  }
  return Object.fromEntries(peers) as unknown as Record<SubgraphName, GraphQLDataSource>;
}
