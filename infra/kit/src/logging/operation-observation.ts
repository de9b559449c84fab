import type { OperationOutcome } from '../metrics/service-metrics';
import { observationOf } from './request-log';

/** The parts of Apollo Server's request context this plugin reads (the kit does not depend on Apollo). */
export interface ObservedRequestContext {
  contextValue: object;
  operationName?: string | null;
  operation?: { operation: string } | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  response: { body: { kind: string; singleResult?: { data?: unknown; errors?: readonly unknown[] } } };
}

/** The limit a refused operation broke: query limits name it in `extensions.limit`; the parser's token cap only says so. */
function limitOf(error: { message: string; extensions?: Record<string, unknown> }): string | undefined {
  if (typeof error.extensions?.limit === 'string') return error.extensions.limit;
  if (/contains more than \d+ tokens/.test(error.message)) return 'maxTokens';
  return undefined;
}

function outcomeOf(body: ObservedRequestContext['response']['body']): OperationOutcome {
  const result = body.singleResult;
  if (!result?.errors?.length) return 'ok';
  return result.data ? 'partial' : 'error';
}

/**
 * Apollo Server plugin: names the operation, its type and outcome in the request's
 * observation (see `requestLog`; contexts are linked with `linkObservation`), and reports
 * operations refused by a query limit.
 */
export function operationObservationPlugin(onLimitRefusal?: (limit: string) => void) {
  return {
    async requestDidStart({ contextValue }: { contextValue: object }) {
      const observation = observationOf(contextValue);
      if (observation) observation.graphql = true;
      return {
        async didResolveOperation({ operationName, operation }: Pick<ObservedRequestContext, 'operationName' | 'operation'>) {
          if (!observation) return;
          observation.operationName = operationName ?? undefined;
          observation.operationType = operation?.operation;
        },
        async didEncounterErrors({ errors }: Pick<ObservedRequestContext, 'errors'>) {
          const limit = errors?.map(limitOf).find(Boolean);
          if (!limit) return;
          if (observation) observation.refusedBy = limit;
          onLimitRefusal?.(limit);
        },
        async willSendResponse({ response }: Pick<ObservedRequestContext, 'response'>) {
          if (observation) observation.outcome = observation.refusedBy ? 'refused' : outcomeOf(response.body);
        },
      };
    },
  };
}
