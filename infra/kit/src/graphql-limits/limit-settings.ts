import { z } from 'zod';
import { positiveInt } from '../config/settings';

const MIB = 1024 * 1024;

/**
 * Abusive queries, refused before execution. The gateway and every subgraph read
 * the same settings with the same defaults, so a subgraph called directly is no
 * softer than the gateway.
 */
export const queryLimitSettings = {
  /** Deepest field nesting (a fragment spread counts as a level). Default 10. */
  QUERY_MAX_DEPTH: positiveInt(1_000).default(10),
  /** Static cost (graphql-armor: object 2, scalar 1, x1.5 per level, x literal `first`). Default 100000 (a region dashboard costs about 41000). */
  QUERY_MAX_COST: positiveInt(100_000_000).default(100_000),
  /** Aliased fields per operation. Default 30. */
  QUERY_MAX_ALIASES: positiveInt(10_000).default(30),
  /** Directives per operation. Default 20. */
  QUERY_MAX_DIRECTIVES: positiveInt(10_000).default(20),
  /** Lexical tokens per document. Default 3000. */
  QUERY_MAX_TOKENS: positiveInt(1_000_000).default(3_000),
  /**
   * Largest page size (`first`/`last` argument, from literals, variables or defaults) where the argument
   * documents no range; one that does ("Points per page, 1 to 5000") is capped at its documented maximum. Default 500.
   */
  QUERY_MAX_PAGE_SIZE: positiveInt(1_000_000).default(500),
  /** List rows an operation may ask for: the sum over list fields of the product of list sizes along the path. Default 10000. */
  QUERY_MAX_PAGED_ROWS: positiveInt(100_000_000).default(10_000),
  /** Size assumed for a list without a page-size argument (a connection's `nodes` take the page size). Default 10. */
  QUERY_ASSUMED_LIST_SIZE: positiveInt(100_000).default(10),
};

export type QueryLimitSettings = { [K in keyof typeof queryLimitSettings]: z.output<(typeof queryLimitSettings)[K]> };

/** Largest JSON body accepted on /graphql, in bytes (larger: 413), with the default a service chooses. */
export const graphqlBodyLimitBytes = (defaultBytes: number) => positiveInt(64 * MIB).default(defaultBytes);
