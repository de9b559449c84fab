import { readFileSync } from 'node:fs';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { SubgraphName } from '@rz/contract';
import type { UpstreamConfig } from '../config';

export function readSupergraph(config: Pick<UpstreamConfig, 'SUPERGRAPH_FILE'>): string {
  return readFileSync(config.SUPERGRAPH_FILE, 'utf8');
}

/** The gateway over the supergraph composed ahead of time (`npm run compose`); no run-time introspection. */
export function buildGateway(supergraphSdl: string, dataSources: Record<SubgraphName, GraphQLDataSource>): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => dataSources[name as SubgraphName],
  });
}
