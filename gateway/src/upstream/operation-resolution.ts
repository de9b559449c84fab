import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Refuses with a 400 what Apollo leaves to the gateway's executor, which throws
 * and gets a 500: a document whose operation cannot be chosen (an unknown
 * `operationName`, or several operations and no name), and a subscription sent
 * over HTTP.
 */
export function operationResolutionPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP.', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          if (operation) return;
          const message = request.operationName
            ? `Unknown operation named "${String(request.operationName).slice(0, 100)}".`
            : 'Must provide operation name if query contains multiple operations.';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        },
      };
    },
  };
}
