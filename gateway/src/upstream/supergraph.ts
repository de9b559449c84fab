import { readFileSync } from 'node:fs';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { SUBGRAPHS, type SubgraphName } from '@rz/contract';
import type { GatewayConfig } from './config';
import { ForwardAuthorizationDataSource } from './extensions/forward-authorization';

/** One data source per subgraph, shared by HTTP operations and subscription events. */
export function buildSubgraphDataSources(config: GatewayConfig, fetcher: Fetcher): Record<SubgraphName, GraphQLDataSource> {
  return Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, new ForwardAuthorizationDataSource({ url: config.subgraphUrls[name], fetcher })]),
  ) as unknown as Record<SubgraphName, GraphQLDataSource>;
}

/** The gateway over the supergraph composed ahead of time (`npm run compose`); no run-time introspection. */
export function buildGateway(supergraphSdl: string, dataSources: Record<SubgraphName, GraphQLDataSource>): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => dataSources[name as SubgraphName],
  });
}

export function readSupergraph(config: GatewayConfig): string {
  return readFileSync(config.SUPERGRAPH_FILE, 'utf8');
}
