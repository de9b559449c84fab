import { CLIENT_ERROR_CODES } from '@rz/contract';
import { createLogger } from '@rz/service-kit';
import { GraphQLError } from 'graphql';
import { createErrorFormatter, toFormattedError } from './error-formatter';

const logger = createLogger('test', 'silent');
const production = createErrorFormatter({ production: true, logger });
const development = createErrorFormatter({ production: false, logger });

describe('the gateway error formatter (HTTP and WebSocket)', () => {
  it('masks in production every error whose code is not a client one: no message, stack or service', () => {
    for (const extensions of [{ code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] }, { serviceName: 'atameken' }, undefined]) {
      const masked = production({ message: 'connect ECONNREFUSED 127.0.0.1:4102', path: ['complaints', 0], extensions });
      expect(masked).toEqual({ message: 'Internal server error', path: ['complaints', 0], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    }
  });

  it('keeps in production the message, code and details of every client code in the registry, without internals', () => {
    for (const code of CLIENT_ERROR_CODES) {
      const kept = production({ message: 'Written for the client', extensions: { code, field: 'after', stacktrace: ['at x'], serviceName: 'atameken' } });
      expect(kept).toEqual({ message: 'Written for the client', extensions: { code, field: 'after' } });
    }
  });

  it('hides schema suggestions in production only', () => {
    const typo = { message: 'Cannot query field "regionz" on type "Query". Did you mean "regions"?', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(production(typo).message).toBe('Cannot query field "regionz" on type "Query". [Suggestion hidden]');
    expect(development(typo)).toEqual(typo);
  });

  it('surfaces a value a subgraph refused as BAD_USER_INPUT in every mode', () => {
    const wrapped = {
      message: '400: Bad Request',
      path: ['events'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', response: { status: 400, body: { errors: [{ message: 'DateTime cannot represent x', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] } } },
    };
    for (const format of [production, development]) {
      expect(format(wrapped)).toEqual({ message: 'DateTime cannot represent x', path: ['events'], extensions: { code: 'BAD_USER_INPUT' } });
    }
  });

  it('leaves errors unchanged outside production', () => {
    const raw = { message: 'connect ECONNREFUSED', extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'atameken' } };
    expect(development(raw)).toEqual(raw);
  });

  it('codes an uncoded raised error INTERNAL_SERVER_ERROR, as Apollo does before formatting', () => {
    expect(toFormattedError(new GraphQLError('boom')).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    // The query plan reports a failed subgraph fetch as a plain Error.
    expect(toFormattedError(new TypeError('fetch failed'))).toEqual({ message: 'fetch failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(toFormattedError(new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })).extensions).toEqual({ code: 'FORBIDDEN' });
  });
});
