import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorCode } from '@rz/contract';
import type { GraphQLFormattedError } from 'graphql';
import type { ErrorFormatter } from './error-formatter';
import { toFormattedError } from './error-formatter';

type Path = readonly (string | number)[];

const UNAVAILABLE: ErrorCode = 'SUBGRAPH_UNAVAILABLE';

/**
 * The concrete paths a path stands for in the answer: a list met on the way stands for each of its
 * items (`['regions', 'events']` becomes `['regions', 0, 'events']`, ...). Where the answer stops
 * (a null parent), the path is kept as it is.
 */
export function expandPath(data: unknown, path: Path): Path[] {
  const walk = (value: unknown, at: number, prefix: (string | number)[]): Path[] => {
    if (at === path.length) return [prefix];
    const segment = path[at];
    if (Array.isArray(value) && typeof segment === 'string') return value.flatMap((item, i) => walk(item, at, [...prefix, i]));
    if (value === null || typeof value !== 'object') return [[...prefix, ...path.slice(at)]];
    return walk((value as Record<string | number, unknown>)[segment], at + 1, [...prefix, segment]);
  };
  return walk(data, 0, []);
}

/** An error as the client reads it, leaving out which subgraph raised it and where in its code. */
function sameErrorKey({ message, path, extensions }: GraphQLFormattedError): string {
  const { serviceName: _service, stacktrace: _stack, ...rest } = extensions ?? {};
  return JSON.stringify([message, path ?? null, rest]);
}

/**
 * What Apollo's executor leaves out when a subgraph fails or gives nulls:
 * - the same refusal from several subgraphs asked in parallel is one error, not one per subgraph;
 * - a SUBGRAPH_UNAVAILABLE error whose path crosses a list points at each item's field;
 * - nulls a subgraph gave for non-null fields (say, a reference it cannot resolve) are reported by
 *   the executor only in `extensions.valueCompletion`, so the answer reads `data: null` with no
 *   errors: they become errors, formatted (masked in production) like any other, with their path.
 */
export function partialResultsPlugin(formatError: ErrorFormatter): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const extensions = result.extensions as { valueCompletion?: unknown[] } | undefined;
          const errors: GraphQLFormattedError[] = [];
          const seen = new Set<string>();
          const reported = new Set<string>();
          for (const error of result.errors ?? []) {
            // Several subgraphs asked the same thing (say, Query.territory with an unknown code) refuse it alike: one error.
            const sameError = sameErrorKey(error);
            if (reported.has(sameError)) continue;
            reported.add(sameError);
            if (error.extensions?.code !== UNAVAILABLE || !error.path) {
              errors.push(error);
              continue;
            }
            for (const path of expandPath(result.data, error.path)) {
              const key = JSON.stringify(path);
              if (!seen.has(key)) errors.push({ ...error, path });
              seen.add(key);
            }
          }
          if (extensions?.valueCompletion) {
            errors.push(...extensions.valueCompletion.map((e) => formatError(toFormattedError(e))));
            const { valueCompletion: _moved, ...rest } = extensions;
            result.extensions = Object.keys(rest).length ? rest : undefined;
          }
          if (errors.length) result.errors = errors;
        },
      };
    },
  };
}
