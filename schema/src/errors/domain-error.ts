import type { DomainErrorCode } from '@rz/contract';

/** Services throw DomainError; each server maps it to a GraphQL error in one place. Its codes are in @rz/contract's registry. */

export interface DomainErrorDetails {
  /** Input path of the offending field, e.g. "input.territory". */
  field?: string;
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function badUserInput(field: string, message: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError('BAD_USER_INPUT', message, { field, ...extra });
}

export function notFound(entity: string, id: string, field?: string): DomainError {
  return new DomainError('NOT_FOUND', `${entity} ${id} not found`, { entity, id, ...(field ? { field } : {}) });
}

export function forbidden(message: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError('FORBIDDEN', message, extra);
}

export function unauthenticated(message = 'Sign in to do this'): DomainError {
  return new DomainError('UNAUTHENTICATED', message);
}

export function conflict(message: string, extra: DomainErrorDetails = {}): DomainError {
  return new DomainError('CONFLICT', message, extra);
}

export function invalidTransition(entity: string, from: string, to: string): DomainError {
  return new DomainError('INVALID_TRANSITION', `${entity} cannot move from ${from} to ${to}`, { field: 'status', from, to });
}
