import { checkGatewaySecret, GATEWAY_SECRET_HEADER } from '@rz/service-kit';
import type { RequestHandler } from 'express';

/**
 * With a shared secret configured (always in production), /graphql answers only the
 * gateway: no secret is a 401 UNAUTHENTICATED, a wrong one a 403 FORBIDDEN, both
 * before the body is read. Health and readiness stay open for probes.
 */
export function gatewayOnly(secret: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!secret) return next();
    const check = checkGatewaySecret(secret, req.headers[GATEWAY_SECRET_HEADER]);
    if (check === 'ok') return next();
    const [status, code] = check === 'missing' ? [401, 'UNAUTHENTICATED'] : [403, 'FORBIDDEN'];
    res.status(status).json({ errors: [{ message: 'This service answers only the gateway', extensions: { code } }] });
  };
}

/** graphql-ws's onConnect: false closes the socket with 4403 Forbidden. */
export function gatewayOnlyConnection(secret: string | undefined): (connectionParams: Record<string, unknown> | undefined) => boolean {
  return (connectionParams) => !secret || checkGatewaySecret(secret, connectionParams?.[GATEWAY_SECRET_HEADER]) === 'ok';
}
