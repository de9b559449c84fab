import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from '../upstream/gateway-context';

/**
 * Passes the request id, the caller's `Authorization`, language and Idempotency-Key headers to every subgraph: the gateway does not
 * decide access, each subgraph verifies the token itself.
 */
export class ForwardAuthorizationDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const authorization = 'authorization' in context ? context.authorization : undefined;
    if (authorization) request.http?.headers.set('authorization', authorization);
    const requestId = 'requestId' in context ? context.requestId : undefined;
    if (requestId) request.http?.headers.set('x-request-id', requestId);
    const { acceptLanguage, xLang } = context as GatewayContext;
    if (acceptLanguage) request.http?.headers.set('accept-language', acceptLanguage);
    if (xLang) request.http?.headers.set('x-lang', xLang);
    const { idempotencyKey } = context as GatewayContext;
    if (idempotencyKey) request.http?.headers.set('idempotency-key', idempotencyKey);
  }
}
