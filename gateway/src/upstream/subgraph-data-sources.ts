import type { GraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { SUBGRAPHS, type SubgraphName } from '@rz/contract';
import { ForwardAuthorizationDataSource } from '../auth/forward-authorization';
import type { UpstreamConfig } from '../config';

/** One data source per subgraph, shared by HTTP operations and subscription events. */
export function buildSubgraphDataSources(config: Pick<UpstreamConfig, 'subgraphUrls'>, fetcher: Fetcher): Record<SubgraphName, GraphQLDataSource> {
  return Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, new ForwardAuthorizationDataSource({ url: config.subgraphUrls[name], fetcher })]),
  ) as unknown as Record<SubgraphName, GraphQLDataSource>;
}
