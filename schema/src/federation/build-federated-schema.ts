import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type PubSub } from 'type-graphql';
import { defaultLangFromRequest } from '../localized/request-lang';

export const FEDERATION_VERSION = 'v2.7';
const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@inaccessible', '@tag', '@override'];

/**
 * type-graphql requires a PubSub as soon as a schema has a subscription, even when
 * every @Subscription brings its own `subscribe` (ours read the database outbox).
 */
const NO_PUBSUB: PubSub = {
  publish() {
    throw new Error('Subscriptions here use their own `subscribe`; there is no PubSub');
  },
  subscribe() {
    throw new Error('Subscriptions here use their own `subscribe`; there is no PubSub');
  },
};

/**
 * Turns type-graphql resolvers into an Apollo subgraph schema: type-graphql builds
 * the schema, its SDL (with @key, @shareable, ...) is re-read by buildSubgraphSchema
 * under a Federation 2 @link, and the resolvers are re-attached.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: GraphQLResolverMap<unknown>[] = [],
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ pubSub: NO_PUBSUB, ...options, skipCheck: true });
  const link = `extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: ${JSON.stringify(FEDERATION_IMPORTS)})`;
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const extra of referenceResolvers) {
    for (const [typeName, fields] of Object.entries(extra)) {
      resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fields as object) } as never;
    }
  }
  return defaultLangFromRequest(
    buildSubgraphSchema({
      typeDefs: gql`
        ${link}
        ${printSchemaWithDirectives(schema)}
      `,
      resolvers,
    }),
  );
}
