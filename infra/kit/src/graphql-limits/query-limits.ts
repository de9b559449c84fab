import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { QueryLimitSettings } from './limit-settings';

export interface QueryLimitsOptions {
  /** Deepest field nesting; a fragment spread counts as a level. Default 10. */
  maxDepth?: number;
  /** graphql-armor cost: object 2, scalar 1, x1.5 per level, x a literal `first`/`last`. Default 100000. */
  maxCost?: number;
  /** Aliased fields per operation. Default 30. */
  maxAliases?: number;
  /** Directives per operation. Default 20. */
  maxDirectives?: number;
  /** Lexical tokens per document; the parser stops there. Default 3000. */
  maxTokens?: number;
}

/**
 * Reports a limit as a validation error that names the limit. Apollo answers
 * validation errors with 400 and GRAPHQL_VALIDATION_FAILED; armor's own reporter
 * would prefix "Syntax Error:".
 */
function reportAs(limit: string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit } }));
  };
}

function rejectAs(limit: string) {
  return { exposeLimits: true, propagateOnRejection: false, onReject: [reportAs(limit)] };
}

/**
 * Depth, cost, alias, directive and token limits. They run while Apollo parses
 * and validates the operation, before anything is executed: at the gateway a query
 * past a limit never reaches a subgraph, and a subgraph called directly refuses it too.
 */
export function queryLimits(options: QueryLimitsOptions = {}): {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  plugins: ReturnType<ApolloArmor['protect']>['plugins'];
} {
  const armor = new ApolloArmor({
    maxDepth: { ...rejectAs('maxDepth'), n: options.maxDepth ?? 10, ignoreIntrospection: true, flattenFragments: false },
    costLimit: {
      ...rejectAs('maxCost'),
      maxCost: options.maxCost ?? 100_000,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      ignoreIntrospection: true,
    },
    maxAliases: { ...rejectAs('maxAliases'), n: options.maxAliases ?? 30 },
    maxDirectives: { ...rejectAs('maxDirectives'), n: options.maxDirectives ?? 20 },
    // graphql-js counts tokens itself (parseOptions below) and fails with a 400 parse
    // error; armor's token plugin throws from a hook, which Apollo answers with 500.
    maxTokens: { enabled: false },
    // Production hides "Did you mean ...?" in the error formatter, for HTTP and WebSocket alike.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: options.maxTokens ?? 3_000 },
    plugins: armor.plugins,
  };
}

export function queryLimitsFromConfig(config: QueryLimitSettings): ReturnType<typeof queryLimits> {
  return queryLimits({
    maxDepth: config.QUERY_MAX_DEPTH,
    maxCost: config.QUERY_MAX_COST,
    maxAliases: config.QUERY_MAX_ALIASES,
    maxDirectives: config.QUERY_MAX_DIRECTIVES,
    maxTokens: config.QUERY_MAX_TOKENS,
  });
}
