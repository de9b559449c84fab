import type { GraphQLDataSource } from '@apollo/gateway';
import { SUBGRAPHS, type SubgraphName } from '@rz/contract';
import { gatewaySecretParams } from '@rz/service-kit';
import type { UpstreamConfig } from '../config';
import type { UpstreamMetrics } from './fetch-metrics';
import type { SubgraphTransport } from './subgraph-data-source';
import type { SupergraphFields } from './supergraph-fields';
import { ResilientDataSource } from './unavailable-subgraph';

/** One data source per subgraph, shared by HTTP operations and subscription events. */
export function buildSubgraphDataSources(
  config: Pick<UpstreamConfig, 'subgraphUrls' | 'SUBGRAPH_SHARED_SECRET'>,
  transport: SubgraphTransport,
  /** Who resolves which field (`supergraphFields(supergraph)`): what an outage leaves null, and what another subgraph can answer instead. */
  fields: SupergraphFields,
  metrics: UpstreamMetrics,
): Record<SubgraphName, GraphQLDataSource> {
  // Production subgraphs answer only the gateway.
  const headers = gatewaySecretParams(config.SUBGRAPH_SHARED_SECRET);
  const peers = new Map<string, ResilientDataSource>();
  for (const { name } of SUBGRAPHS) peers.set(name, new ResilientDataSource({ name, url: config.subgraphUrls[name], transport, headers, metrics, fields, peers }));
  return Object.fromEntries(peers) as unknown as Record<SubgraphName, GraphQLDataSource>;
}
