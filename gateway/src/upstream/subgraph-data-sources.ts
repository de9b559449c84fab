import type { GraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { SUBGRAPHS, type SubgraphName } from '@rz/contract';
import { gatewaySecretParams } from '@rz/service-kit';
import { ForwardAuthorizationDataSource } from '../auth/forward-authorization';
import type { UpstreamConfig } from '../config';

/** Adds the shared secret to every subgraph fetch: production subgraphs answer only the gateway. */
function withGatewaySecret(fetcher: Fetcher, secret: string | undefined): Fetcher {
  if (!secret) return fetcher;
  return (url, init) => fetcher(url, { ...init, headers: { ...init?.headers, ...gatewaySecretParams(secret) } });
}

/** One data source per subgraph, shared by HTTP operations and subscription events. */
export function buildSubgraphDataSources(
  config: Pick<UpstreamConfig, 'subgraphUrls' | 'SUBGRAPH_SHARED_SECRET'>,
  fetcher: Fetcher,
): Record<SubgraphName, GraphQLDataSource> {
  const secretFetcher = withGatewaySecret(fetcher, config.SUBGRAPH_SHARED_SECRET);
  return Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, new ForwardAuthorizationDataSource({ url: config.subgraphUrls[name], fetcher: secretFetcher })]),
  ) as unknown as Record<SubgraphName, GraphQLDataSource>;
}
