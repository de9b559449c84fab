import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/**
 * Codes whose message is written for the client: domain errors from the subgraphs,
 * request errors from Apollo and the gateway's own limits. Anything else (internal
 * errors, uncoded errors, network failures towards a subgraph) is masked.
 */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
]);

/** Extensions never shown in production, even on client errors. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'serviceName', 'http', 'response'];

export interface MaskErrorsOptions {
  /** Mask only in production; elsewhere errors pass unchanged for debugging. */
  production: boolean;
  logger: Logger;
}

interface SubgraphResponse {
  status?: number;
  body?: { errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
}

/**
 * Value errors graphql-js and scalars report (ValuesOfCorrectTypeRule, scalar
 * parsing). In a subgraph's validation of the gateway's fetch they concern values
 * the client wrote; field or type errors there would mean schema drift instead.
 */
const VALUE_ERROR = /cannot represent|^Expected value of type|^Variable "\$[^"]+" got invalid value/;

/**
 * A subgraph refused a value the gateway could not check (custom scalars such as
 * DateTimeISO are opaque to it): the gateway wraps the subgraph's 400 as
 * "400: Bad Request", INTERNAL_SERVER_ERROR. Surface it as the client's
 * BAD_USER_INPUT with the subgraph's message.
 */
function unwrapSubgraphValueError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const response = formatted.extensions?.response as SubgraphResponse | undefined;
  if (!response?.status || response.status < 400 || response.status >= 500) return formatted;
  const inner = response.body?.errors?.[0];
  const code = inner?.extensions?.code;
  const message = typeof inner?.message === 'string' ? inner.message : '';
  const valueError = code === 'BAD_USER_INPUT' || (code === 'GRAPHQL_VALIDATION_FAILED' && VALUE_ERROR.test(message));
  if (!valueError) return formatted;
  return { message, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'BAD_USER_INPUT' } };
}

/**
 * Apollo `formatError` for the gateway. In every mode, a subgraph's refusal of a
 * value comes out as BAD_USER_INPUT with the subgraph's message. In production a client
 * error keeps its message, code and field; every other error becomes "Internal
 * server error" (no stack trace, no SQL, no internal message). Subgraphs mask
 * their own errors too; the gateway does not rely on it, since a subgraph may be
 * misconfigured.
 */
export function maskErrors(options: MaskErrorsOptions) {
  return (original: GraphQLFormattedError): GraphQLFormattedError => {
    const formatted = unwrapSubgraphValueError(original);
    if (!options.production) return formatted;
    const extensions = { ...(formatted.extensions ?? {}) };
    const code = extensions.code;
    const where = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
      return { message: formatted.message, ...where, extensions };
    }
    // A subgraph logs its own errors; the gateway logs the message only for its own (planning, network).
    const service = typeof extensions.serviceName === 'string' ? extensions.serviceName : undefined;
    options.logger.error({ code, path: formatted.path, service, ...(service ? {} : { message: formatted.message }) }, 'masked error');
    return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
