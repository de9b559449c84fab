import type { ApolloServerPlugin } from '@apollo/server';
import { codedError } from '../errors/coded-error';

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
            throw codedError('BAD_REQUEST', 'Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP.', { http: { status: 400 } });
          }
          if (operation) return;
          const message = request.operationName
            ? `Unknown operation named "${String(request.operationName).slice(0, 100)}".`
            : 'Must provide operation name if query contains multiple operations.';
          throw codedError('OPERATION_RESOLUTION_FAILURE', message, { http: { status: 400 } });
        },
      };
    },
  };
}
