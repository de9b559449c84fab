import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isInterfaceType,
  isObjectType,
  valueFromAST,
  valueFromASTUntyped,
  type ArgumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { QueryLimitsConfig } from '../config';
import { codedError } from '../errors/coded-error';

export interface ListSizeLimitOptions {
  /** Largest page size a paged field may be asked for. Default 500. */
  maxPageSize?: number;
  /** Largest number of list rows an operation may ask for (see RowCounter). Default 10000. */
  maxPagedRows?: number;
  /** Rows assumed for a list field without a page size (outside a connection's `nodes`). Default 10. */
  assumedListSize?: number;
  /** Arguments that set a page size. Default `first` and `last`. */
  pageSizeArguments?: string[];
}

const REFUSED = { http: { status: 400 } };

/**
 * Caps page sizes and the rows a whole operation may ask for. Runs once the
 * operation is resolved, with the request's variables and the schema's argument
 * defaults, so `first: $n` and an omitted `first` count too (armor's static cost
 * only sees literals). Still before execution: a refused operation calls no subgraph.
 */
export function listSizeLimitPlugin(options: ListSizeLimitOptions = {}): ApolloServerPlugin {
  const maxPageSize = options.maxPageSize ?? 500;
  const maxPagedRows = options.maxPagedRows ?? 10_000;
  const assumedListSize = options.assumedListSize ?? 10;
  const argumentNames = new Set(options.pageSizeArguments ?? ['first', 'last']);

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          const rootType = schema.getRootType(operation.operation);
          if (!rootType) return;
          // Variables the request omits take their declared default.
          const variables: Record<string, unknown> = Object.assign(Object.create(null), request.variables);
          for (const definition of operation.variableDefinitions ?? []) {
            const name = definition.variable.name.value;
            if (variables[name] === undefined && definition.defaultValue) variables[name] = valueFromASTUntyped(definition.defaultValue);
          }
          const rows = new RowCounter(schema, fragments, variables, argumentNames, maxPageSize, assumedListSize).rows(operation.selectionSet, rootType);
          if (rows > maxPagedRows) {
            throw codedError('GRAPHQL_VALIDATION_FAILED', `The operation asks for up to ${rows} list rows; the limit is ${maxPagedRows}. Ask for smaller pages.`, {
              limit: 'maxPagedRows',
              ...REFUSED,
            });
          }
        },
      };
    },
  };
}

/**
 * Rows an operation asks for: each list field contributes the product of the list
 * sizes down to it (page sizes, or the assumed size of an unpaged list).
 */
class RowCounter {
  private readonly fragmentRows = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly argumentNames: Set<string>,
    private readonly maxPageSize: number,
    private readonly assumedListSize: number,
  ) {}

  rows(selectionSet: SelectionSetNode, parentType: GraphQLNamedType): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(parentType, selection.name.value);
        if (!field || !selection.selectionSet) continue;
        const pageSize = this.pageSize(field, selection.arguments ?? [], selection.name.value);
        const isList = isListType(getNullableType(field.type));
        // A connection's `nodes` hold the page its parent field asked for.
        const insideConnection = parentType.name.endsWith('Connection');
        const size = pageSize ?? (isList && !insideConnection ? this.assumedListSize : 1);
        const own = pageSize !== null || (isList && !insideConnection) ? size : 0;
        total += own + size * this.rows(selection.selectionSet, getNamedType(field.type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parentType;
        if (type) total += this.rows(selection.selectionSet, type);
      } else {
        total += this.spreadRows(selection.name.value);
      }
      // Saturate instead of overflowing to Infinity on absurd products.
      if (total > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
    }
    return total;
  }

  /** Each fragment is computed once: its row count does not depend on where it is spread. */
  private spreadRows(name: string): number {
    const known = this.fragmentRows.get(name);
    if (known !== undefined) return known;
    this.fragmentRows.set(name, 0); // cycles are refused by validation; this only stops recursion
    const fragment = this.fragments.get(name);
    const type = fragment && this.schema.getType(fragment.typeCondition.name.value);
    const rows = fragment && type ? this.rows(fragment.selectionSet, type) : 0;
    this.fragmentRows.set(name, rows);
    return rows;
  }

  /** The page size this field is asked for, or null when it takes no page-size argument. */
  private pageSize(field: GraphQLField<unknown, unknown>, args: readonly ArgumentNode[], fieldName: string): number | null {
    let size: number | null = null;
    for (const definition of field.args) {
      if (!this.argumentNames.has(definition.name)) continue;
      const node = args.find((a) => a.name.value === definition.name);
      const value = node ? valueFromAST(node.value, definition.type, this.variables) : definition.defaultValue;
      // Wrong types are left to GraphQL's own coercion, which refuses them next.
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      if (value > this.maxPageSize) {
        throw codedError('BAD_USER_INPUT', `${fieldName}(${definition.name}:) must be at most ${this.maxPageSize}, got ${value}`, {
          field: definition.name,
          limit: 'maxPageSize',
          ...REFUSED,
        });
      }
      size = Math.max(size ?? 0, value, 0);
    }
    return size;
  }
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

export function listSizeLimitFromConfig(config: QueryLimitsConfig): ApolloServerPlugin {
  return listSizeLimitPlugin({
    maxPageSize: config.QUERY_MAX_PAGE_SIZE,
    maxPagedRows: config.QUERY_MAX_PAGED_ROWS,
    assumedListSize: config.QUERY_ASSUMED_LIST_SIZE,
  });
}
