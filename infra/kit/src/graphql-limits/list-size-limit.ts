import {
  GraphQLError,
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
  type OperationDefinitionNode,
  type DocumentNode,
  type SelectionSetNode,
} from 'graphql';
import type { QueryLimitSettings } from './limit-settings';

export interface ListSizeLimitOptions {
  /** Largest page size of a paged field whose argument documents no range ("1 to N"). Default 500. */
  maxPageSize?: number;
  /** Largest number of list rows an operation may ask for (see RowCounter). Default 10000. */
  maxPagedRows?: number;
  /** Rows assumed for a list field without a page size (outside a connection's `nodes`). Default 10. */
  assumedListSize?: number;
  /** Arguments that set a page size. Default `first` and `last`. */
  pageSizeArguments?: string[];
}

const REFUSED = { http: { status: 400 } };

function refusal(code: 'BAD_USER_INPUT' | 'GRAPHQL_VALIDATION_FAILED', message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, ...REFUSED, code } });
}

/**
 * The largest page size a page-size argument documents: its description's "1 to N" (`Page size, 1 to 500`,
 * `Points per page, 1 to 5000`). The schema's documented range is the field's contract, so the limit
 * reads it rather than holding a second, disagreeing number.
 */
export function documentedMaximum(description: string | null | undefined): number | undefined {
  const match = /\b1 to (\d+)\b/.exec(description ?? '');
  return match ? Number(match[1]) : undefined;
}

/** What the check needs of a resolved operation; Apollo Server's request context has these fields. */
export interface ResolvedOperation {
  operation?: OperationDefinitionNode | null;
  document: DocumentNode;
  request: { variables?: Record<string, unknown> | null };
  schema: GraphQLSchema;
}

/**
 * Caps page sizes and the rows a whole operation may ask for (throws a coded
 * GraphQLError). Runs once the operation is resolved, with the request's variables
 * and the schema's argument defaults, so `first: $n` and an omitted `first` count
 * too (armor's static cost only sees literals). Still before execution.
 */
export function checkListSizes({ operation, document, request, schema }: ResolvedOperation, options: ListSizeLimitOptions = {}): void {
  if (!operation) return;
  const maxPageSize = options.maxPageSize ?? 500;
  const maxPagedRows = options.maxPagedRows ?? 10_000;
  const assumedListSize = options.assumedListSize ?? 10;
  const argumentNames = new Set(options.pageSizeArguments ?? ['first', 'last']);
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
    throw refusal('GRAPHQL_VALIDATION_FAILED', `The operation asks for up to ${rows} list rows; the limit is ${maxPagedRows}. Ask for smaller pages.`, {
      limit: 'maxPagedRows',
    });
  }
}

/** The check as an Apollo Server plugin (structurally typed, so this kit needs no Apollo dependency). */
export function listSizeLimitPlugin(options: ListSizeLimitOptions = {}) {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context: ResolvedOperation) {
          checkListSizes(context, options);
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

  /** `paged`: the selection is of a field that took a page size, so a list in it is that page (a connection's `nodes`, a map's `points`). */
  rows(selectionSet: SelectionSetNode, parentType: GraphQLNamedType, paged = false): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(parentType, selection.name.value);
        if (!field || !selection.selectionSet) continue;
        const pageSize = this.pageSize(field, selection.arguments ?? [], selection.name.value);
        const isList = isListType(getNullableType(field.type));
        // A connection's `nodes` (or any list of a paged field's object) hold the page its parent field asked for.
        const insideConnection = paged || parentType.name.endsWith('Connection');
        const size = pageSize ?? (isList && !insideConnection ? this.assumedListSize : 1);
        const own = pageSize !== null || (isList && !insideConnection) ? size : 0;
        total += own + size * this.rows(selection.selectionSet, getNamedType(field.type), pageSize !== null);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parentType;
        if (type) total += this.rows(selection.selectionSet, type, paged);
      } else {
        total += this.spreadRows(selection.name.value, paged);
      }
      // Saturate instead of overflowing to Infinity on absurd products.
      if (total > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
    }
    return total;
  }

  /** Each fragment is computed once per kind of place (in a paged field's object or not). */
  private spreadRows(name: string, paged: boolean): number {
    const key = `${name}\n${paged}`;
    const known = this.fragmentRows.get(key);
    if (known !== undefined) return known;
    this.fragmentRows.set(key, 0); // cycles are refused by validation; this only stops recursion
    const fragment = this.fragments.get(name);
    const type = fragment && this.schema.getType(fragment.typeCondition.name.value);
    const rows = fragment && type ? this.rows(fragment.selectionSet, type, paged) : 0;
    this.fragmentRows.set(key, rows);
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
      const max = documentedMaximum(definition.description) ?? this.maxPageSize;
      if (value > max) {
        throw refusal('BAD_USER_INPUT', `${fieldName}(${definition.name}:) must be at most ${max}, got ${value}`, {
          field: definition.name,
          limit: 'maxPageSize',
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

export function listSizeLimitFromConfig(config: QueryLimitSettings) {
  return listSizeLimitPlugin({
    maxPageSize: config.QUERY_MAX_PAGE_SIZE,
    maxPagedRows: config.QUERY_MAX_PAGED_ROWS,
    assumedListSize: config.QUERY_ASSUMED_LIST_SIZE,
  });
}
