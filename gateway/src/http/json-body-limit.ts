import { bodyRefusal } from '@rz/service-kit';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { errorBody } from '../errors/coded-error';

export interface JsonBodyOptions {
  /** Largest body accepted, in bytes. Default 256 KiB. */
  limitBytes?: number;
}

/** Body-parser failures, answered as GraphQL errors (JSON), never Express's HTML page. */
const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const refusal = bodyRefusal(error);
  if (!refusal) return next(error);
  res.status(refusal.status).json(errorBody(refusal.code, refusal.message));
};

/**
 * The JSON body parser for /graphql with a size limit: an oversized body is a 413
 * with a GraphQL error (PAYLOAD_TOO_LARGE), a malformed one a 400 (BAD_REQUEST).
 */
export function jsonBodyWithLimit(options: JsonBodyOptions = {}): [RequestHandler, ErrorRequestHandler] {
  return [express.json({ limit: options.limitBytes ?? 256 * 1024 }), bodyErrors];
}
