import type { GraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { SUBGRAPHS, type SubgraphName } from '@rz/contract';
import { gatewaySecretParams } from '@rz/service-kit';
import type { UpstreamConfig } from '../config';
import type { SupergraphFields } from './supergraph-fields';
import { ResilientDataSource } from './unavailable-subgraph';

/** Adds the shared secret to every subgraph fetch: production subgraphs answer only the gateway. */
function withGatewaySecret(fetcher: Fetcher, secret: string | undefined): Fetcher {
  if (!secret) return fetcher;
  return (url, init) => fetcher(url, { ...init, headers: { ...init?.headers, ...gatewaySecretParams(secret) } });
}

/** One data source per subgraph, shared by HTTP operations and subscription events. */
export function buildSubgraphDataSources(
  config: Pick<UpstreamConfig, 'subgraphUrls' | 'SUBGRAPH_SHARED_SECRET'>,
  fetcher: Fetcher,
  /** Who resolves which field (`supergraphFields(supergraph)`): what an outage leaves null, and what another subgraph can answer instead. */
  fields: SupergraphFields,
): Record<SubgraphName, GraphQLDataSource> {
  const secretFetcher = withGatewaySecret(fetcher, config.SUBGRAPH_SHARED_SECRET);
  const peers = new Map<string, ResilientDataSource>();
  for (const { name } of SUBGRAPHS) peers.set(name, new ResilientDataSource({ name, url: config.subgraphUrls[name], fetcher: secretFetcher, fields, peers }));
  return Object.fromEntries(peers) as unknown as Record<SubgraphName, GraphQLDataSource>;
}
