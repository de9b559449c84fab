import type { GatewayErrorCode } from '@rz/contract';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { errorBody } from '../errors/coded-error';

export interface JsonBodyOptions {
  /** Largest body accepted, in bytes. Default 256 KiB. */
  limitBytes?: number;
}

/** Body-parser failures, answered as GraphQL errors (JSON), never Express's HTML page. */
const CODES: Record<number, GatewayErrorCode> = { 400: 'BAD_REQUEST', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };

const bodyErrors: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, next) => {
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : undefined;
  if (!status) return next(error);
  const message =
    status === 413
      ? 'Request body too large'
      : status === 415
        ? 'Unsupported body encoding'
        : error.type === 'entity.parse.failed'
          ? 'Body is not valid JSON'
          : 'Malformed request body';
  res.status(status).json(errorBody(CODES[status] ?? 'BAD_REQUEST', message));
};

/**
 * The JSON body parser for /graphql with a size limit: an oversized body is a 413
 * with a GraphQL error (PAYLOAD_TOO_LARGE), a malformed one a 400 (BAD_REQUEST).
 */
export function jsonBodyWithLimit(options: JsonBodyOptions = {}): [RequestHandler, ErrorRequestHandler] {
  return [express.json({ limit: options.limitBytes ?? 256 * 1024 }), bodyErrors];
}
