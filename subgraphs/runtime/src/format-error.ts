import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@rz/schema';
import type { ValidationError } from 'class-validator';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { Logger } from './logger';

export interface FieldProblem {
  field: string;
  messages: string[];
}

/** class-validator's nested errors flattened to dotted input paths ("input.name.kk"). */
function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The one place where domain and validation errors become coded GraphQL errors. */
export function createErrorFormatter(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...original.details, code: original.code },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const argName = (original.extensions as { argName?: string } | undefined)?.argName;
      const problems = flatten(original.extensions.validationErrors as ValidationError[], argName ?? '');
      const first = problems[0];
      return {
        message: first ? `Invalid value for ${first.field}: ${first.messages.join('; ')}` : 'Invalid input',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', field: first?.field, problems },
      };
    }
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      logger.error({ err: original }, 'unexpected error');
      if (production) return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    if (production && formatted.extensions?.stacktrace) {
      const { stacktrace: _hidden, ...extensions } = formatted.extensions;
      return { ...formatted, extensions };
    }
    return formatted;
  };
}
