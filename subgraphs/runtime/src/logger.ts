import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Personal data (authors, contacts) is never passed to the logger. */
export function createLogger(service: string, level: string): Logger {
  return pino({
    name: service,
    level,
    redact: { paths: ['req.headers.authorization', '*.authorization', '*.password', '*.contacts', '*.phone', '*.email'], remove: true },
  });
}
