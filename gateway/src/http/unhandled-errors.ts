import type { Logger } from '@rz/service-kit';
import type { ErrorRequestHandler } from 'express';

/**
 * The last handler: an error no middleware expected becomes a coded JSON 500 (GraphQL clients parse it),
 * never Express's HTML page with a stack trace. The error is logged by message and stack only.
 */
export function unhandledErrors(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    logger.error({ err: error, path: req.path }, 'unhandled error in a request');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}
