import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Error properties that carry values from the request or the row: SQL parameters, pg's `detail` ("Key (email)=(...)"). */
const ERROR_VALUE_KEYS = ['parameters', 'detail', 'where', 'driverError', 'internalQuery', 'variables'];

/** pino's error serializer, without the properties where database errors echo the data they were given. */
export function serializeError(error: unknown): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  for (const key of ERROR_VALUE_KEYS) delete serialized[key];
  return serialized;
}

/** Structured JSON logs. Personal data (authors, contacts) is never passed to the logger, and errors are stripped of echoed values. */
export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      name: service,
      level,
      serializers: { err: serializeError },
      redact: { paths: ['req.headers.authorization', '*.authorization', '*.password', '*.contacts', '*.phone', '*.email'], remove: true },
    },
    destination,
  );
}
