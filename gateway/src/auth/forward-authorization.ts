import type { GatewayContext } from '../upstream/gateway-context';

/**
 * The headers every subgraph request carries from the caller: the request id, `Authorization`, language
 * and Idempotency-Key. The gateway does not decide access, each subgraph verifies the token itself.
 */
export function forwardedHeaders(context: GatewayContext): Record<string, string> {
  const headers: Record<string, string> = {};
  if (context.authorization) headers.authorization = context.authorization;
  if (context.requestId) headers['x-request-id'] = context.requestId;
  if (context.acceptLanguage) headers['accept-language'] = context.acceptLanguage;
  if (context.xLang) headers['x-lang'] = context.xLang;
  if (context.idempotencyKey) headers['idempotency-key'] = context.idempotencyKey;
  return headers;
}
