import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { SubgraphName } from '@rz/schema';
import type { GatewayConfig } from './config';
import { ForwardAuthorizationDataSource } from './extensions/forward-authorization';

/** The gateway over the supergraph composed ahead of time (`npm run compose`); no run-time introspection. */
export function buildGateway(config: GatewayConfig, fetcher: Fetcher): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: readFileSync(config.SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name }) =>
      new ForwardAuthorizationDataSource({ url: config.subgraphUrls[name as SubgraphName], fetcher }),
  });
}
