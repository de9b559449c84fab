import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { SUBGRAPHS, subgraphEnvPrefix } from '@rz/contract';
import { gatewaySecretParams } from '@rz/service-kit';

/**
 * Stock @apollo/gateway for `npm run bench:gateway`: ApolloServer + ApolloGateway on the committed
 * supergraph, a plain RemoteGraphQLDataSource that forwards `authorization`, nothing else.
 * Settings come from the bench: PORT, SUPERGRAPH_FILE and <SUBGRAPH>_URL (e.g. ATAMEKEN_URL).
 */
interface Context {
  authorization?: string;
}

async function main(): Promise<void> {
  const env = process.env;
  const urls = new Map(SUBGRAPHS.map(({ name }) => [name as string, env[`${subgraphEnvPrefix(name)}URL`]]));
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(env.SUPERGRAPH_FILE!, 'utf8'),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<Context>({
        url: urls.get(name) ?? url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          // Production subgraphs answer only a caller with the shared secret.
          for (const [header, value] of Object.entries(gatewaySecretParams(env.SUBGRAPH_SHARED_SECRET))) request.http?.headers.set(header, value);
        },
      }),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(env.PORT), host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  process.stdout.write(`stock gateway ready at ${url}\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
