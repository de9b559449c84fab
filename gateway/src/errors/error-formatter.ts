import { CLIENT_ERROR_CODES, type ErrorCode } from '@rz/contract';
import type { Logger } from '@rz/service-kit';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formattedError } from './coded-error';

/** Extensions never shown in production, even on client errors. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'serviceName', 'http', 'response'];

/** graphql-js's "Did you mean ...?" hints name fields and types of the schema; production hides them, as introspection is off. */
const SUGGESTION = /Did you mean ".+"\?/g;

export interface ErrorFormatterOptions {
  /** Mask only in production; elsewhere errors pass unchanged for debugging. */
  production: boolean;
  logger: Logger;
}

/** Formats one error for the client: the gateway's one error path, for HTTP (Apollo `formatError`) and WebSocket alike. */
export type ErrorFormatter = (formatted: GraphQLFormattedError) => GraphQLFormattedError;

/**
 * A raised error as it goes on the wire, coded INTERNAL_SERVER_ERROR when it has no code:
 * what Apollo does before `formatError` on HTTP. Not every error is a GraphQLError: the
 * query plan reports a failed subgraph fetch as the fetch's own Error.
 */
export function toFormattedError(error: unknown): GraphQLFormattedError {
  const formatted: GraphQLFormattedError = error instanceof GraphQLError ? error.toJSON() : { message: error instanceof Error ? error.message : String(error) };
  return { ...formatted, extensions: { ...formatted.extensions, code: formatted.extensions?.code ?? ('INTERNAL_SERVER_ERROR' satisfies ErrorCode) } };
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
  return { ...formattedError('BAD_USER_INPUT', message), ...(formatted.path ? { path: formatted.path } : {}) };
}

/**
 * The gateway's error formatter. In every mode, a subgraph's refusal of a value
 * comes out as BAD_USER_INPUT with the subgraph's message. In production an error
 * whose code the registry marks as a client error (`CLIENT_ERROR_CODES`) keeps its
 * message, code and field, with suggestions hidden; every other error becomes
 * "Internal server error" (no stack trace, no SQL, no internal message). Subgraphs
 * mask their own errors too; the gateway does not rely on it, since a subgraph may
 * be misconfigured.
 */
export function createErrorFormatter(options: ErrorFormatterOptions): ErrorFormatter {
  return (original) => {
    const formatted = unwrapSubgraphValueError(original);
    if (!options.production) return formatted;
    const extensions = { ...(formatted.extensions ?? {}) };
    const code = extensions.code;
    const where = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
      return { message: formatted.message.replace(SUGGESTION, '[Suggestion hidden]').trim(), ...where, extensions };
    }
    // A subgraph logs its own errors; the gateway logs the message only for its own (planning, network).
    const service = typeof extensions.serviceName === 'string' ? extensions.serviceName : undefined;
    options.logger.error({ code, path: formatted.path, service, ...(service ? {} : { message: formatted.message }) }, 'masked error');
    return { ...formattedError('INTERNAL_SERVER_ERROR', 'Internal server error'), ...where };
  };
}
