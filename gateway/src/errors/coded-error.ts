import type { ErrorCode } from '@rz/contract';
import { GraphQLError, type GraphQLErrorOptions, type GraphQLFormattedError } from 'graphql';

/** Details beside the code (`field`, `limit`, `retryAfter`, `http`...). */
type Details = Record<string, unknown>;

/** A GraphQL error the gateway raises, coded from the registry in @rz/contract. */
export function codedError(code: ErrorCode, message: string, details: Details = {}, options: Omit<GraphQLErrorOptions, 'extensions'> = {}): GraphQLError {
  return new GraphQLError(message, { ...options, extensions: { ...details, code } });
}

/** The same, already formatted (what goes on the wire). */
export function formattedError(code: ErrorCode, message: string, details: Details = {}): GraphQLFormattedError {
  return { message, extensions: { ...details, code } };
}

/** A JSON body with one coded error, shaped like a GraphQL response so clients handle every refusal in one place. */
export function errorBody(code: ErrorCode, message: string, details: Details = {}): { errors: GraphQLFormattedError[] } {
  return { errors: [formattedError(code, message, details)] };
}
