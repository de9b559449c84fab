import { bodyRefusal } from '@rz/service-kit';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';

/**
 * JSON body parsing for a subgraph's own routes (e.g. the notifications intake): the body is
 * limited to `limitBytes`, and a body that is too large or malformed is a coded JSON refusal
 * (413 PAYLOAD_TOO_LARGE, 400 BAD_REQUEST), never an HTML page.
 */
export function jsonBody(limitBytes: number): [RequestHandler, ErrorRequestHandler] {
  return [
    express.json({ limit: limitBytes }),
    (error, _req, res, next) => {
      const refusal = bodyRefusal(error);
      if (!refusal) return next(error);
      res.status(refusal.status).json({ error: refusal.code, message: refusal.message });
    },
  ];
}
