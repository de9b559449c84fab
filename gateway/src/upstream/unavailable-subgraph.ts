import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ErrorCode } from '@rz/contract';
import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GatewayContext } from './gateway-context';
import { SubgraphDataSource, type SubgraphDataSourceOptions, type SubgraphResponse } from './subgraph-data-source';
import type { SupergraphFields } from './supergraph-fields';

const CODE: ErrorCode = 'SUBGRAPH_UNAVAILABLE';
export const UNAVAILABLE_MESSAGE = 'The service that answers this field is unavailable';

type Path = (string | number)[];
type Options = GraphQLDataSourceProcessOptions<GatewayContext>;

const keyOf = (selection: SelectionNode & { kind: Kind.FIELD }) => selection.alias?.value ?? selection.name.value;
const isTypename = (selection: SelectionNode) => selection.kind === Kind.FIELD && selection.name.value === '__typename';

/** Response keys of the fields a selection asks for, through inline fragments; `__typename` is not data. */
function fieldKeys(selectionSet: SelectionSetNode | undefined): string[] {
  const keys: string[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD && !isTypename(selection)) keys.push(keyOf(selection));
    else if (selection.kind === Kind.INLINE_FRAGMENT) keys.push(...fieldKeys(selection.selectionSet));
  }
  return [...new Set(keys)];
}

const operationOf = (document: DocumentNode) =>
  document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/**
 * Where the fields of a failed fetch sit, relative to the fetch, as Apollo's executor reads error
 * paths: an entity fetch gives `['_entities', i, field]` for every representation (the executor
 * turns it into the entity's path in the answer); a root field other subgraphs also resolve
 * (`territory`, `regions`) gives `[root, field]` for each field asked of it, since the object itself
 * comes from elsewhere; any other root field gives `[root]`. A list on the way is expanded
 * against the answer later (errors/partial-results).
 */
export function failedFieldPaths(document: DocumentNode, variables: Record<string, unknown> | undefined, fields: SupergraphFields): Path[] {
  const operation = operationOf(document);
  if (!operation) return [];
  const rootType = operation.operation === 'mutation' ? 'Mutation' : 'Query';
  const paths: Path[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || isTypename(selection)) continue;
    const key = keyOf(selection);
    const shared = (fields.field(rootType, selection.name.value)?.subgraphs.size ?? 0) > 1;
    if (selection.name.value === '_entities') {
      const representations = Array.isArray(variables?.representations) ? variables.representations : [];
      const keys = fieldKeys(selection.selectionSet);
      representations.forEach((_, i) => keys.forEach((field) => paths.push([key, i, field])));
    } else if (shared && selection.selectionSet) {
      for (const field of fieldKeys(selection.selectionSet)) paths.push([key, field]);
    } else {
      paths.push([key]);
    }
  }
  return paths;
}

/** A selection cut down to what one subgraph resolves, and the paths of what was cut. */
interface Pruned {
  selectionSet: SelectionSetNode | null;
  removed: Path[];
}

/** Null when the selection has what pruning does not follow (fragment spreads). */
function pruneFor(selectionSet: SelectionSetNode, typeName: string, subgraph: string, fields: SupergraphFields, path: Path): Pruned | null {
  const kept: SelectionNode[] = [];
  const removed: Path[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) return null;
    if (isTypename(selection)) {
      kept.push(selection);
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = pruneFor(selection.selectionSet, selection.typeCondition?.name.value ?? typeName, subgraph, fields, path);
      if (!inner) return null;
      removed.push(...inner.removed);
      if (inner.selectionSet) kept.push({ ...selection, selectionSet: inner.selectionSet });
      continue;
    }
    const key = keyOf(selection);
    const field = fields.field(typeName, selection.name.value);
    if (!field?.subgraphs.has(subgraph)) {
      removed.push([...path, key]);
    } else if (!selection.selectionSet) {
      kept.push(selection);
    } else {
      const inner = pruneFor(selection.selectionSet, field.type, subgraph, fields, [...path, key]);
      if (!inner) return null;
      removed.push(...inner.removed);
      if (inner.selectionSet) kept.push({ ...selection, selectionSet: inner.selectionSet });
    }
  }
  return { selectionSet: kept.some((s) => !isTypename(s)) ? { ...selectionSet, selections: kept } : null, removed };
}

/** The query cut down to what `subgraph` resolves, without the variables it no longer uses; null when nothing is left. */
export function queryFor(document: DocumentNode, subgraph: string, fields: SupergraphFields): { document: DocumentNode; removed: Path[] } | null {
  const operation = operationOf(document);
  if (!operation || operation.operation !== 'query') return null;
  const pruned = pruneFor(operation.selectionSet, 'Query', subgraph, fields, []);
  if (!pruned?.selectionSet) return null;
  const used = new Set<string>();
  visit(pruned.selectionSet, { Variable: (node) => void used.add(node.name.value) });
  const variableDefinitions = operation.variableDefinitions?.filter((v) => used.has(v.variable.name.value));
  return { document: { ...document, definitions: [{ ...operation, selectionSet: pruned.selectionSet, variableDefinitions }] }, removed: pruned.removed };
}

/** A failure that means the subgraph is not serving: no answer at all (refused, reset, timed out) or a 502/503/504. */
function isUnavailable(error: unknown): boolean {
  const status = (error as { extensions?: { response?: { status?: unknown } } })?.extensions?.response?.status;
  if (typeof status === 'number') return status === 502 || status === 503 || status === 504;
  return true;
}

export interface ResilientDataSourceOptions extends SubgraphDataSourceOptions {
  fields: SupergraphFields;
  /** The other subgraphs' data sources, by name: a query's shared fields can be asked of them. */
  peers: ReadonlyMap<string, ResilientDataSource>;
}

/**
 * A subgraph's data source that turns "the subgraph is not answering" into partial data:
 * - a query whose shared fields another subgraph also resolves (Territory's `code` and `names`
 *   beside `territory { events }`) gets those from the first peer that answers;
 * - every field left without a value gets a SUBGRAPH_UNAVAILABLE error at its path,
 * so those fields are null with their error and the other subgraphs' data stands, instead of
 * one pathless error and, often, `data: null`. Mutations are never sent anywhere else.
 */
export class ResilientDataSource extends SubgraphDataSource {
  constructor(private readonly settings: ResilientDataSourceOptions) {
    super(settings);
  }

  /** The subgraph itself, nothing else. */
  direct(options: Options): Promise<SubgraphResponse> {
    return super.process(options);
  }

  override async process(options: Options): Promise<SubgraphResponse> {
    try {
      return await this.direct(options);
    } catch (error) {
      if (!isUnavailable(error) || !options.request.query) throw error;
      const document = ('document' in options ? options.document : undefined) ?? parse(options.request.query);
      const fromPeer = await this.fromPeers(options, document);
      if (fromPeer) return fromPeer;
      const errors = this.errorsAt(failedFieldPaths(document, options.request.variables, this.settings.fields));
      return { errors: errors.length ? errors : [this.error()] };
    }
  }

  private error(path?: Path): GraphQLFormattedError {
    // The message names no subgraph (production shows it): the path says what is missing.
    return { message: UNAVAILABLE_MESSAGE, ...(path ? { path } : {}), extensions: { code: CODE } };
  }

  private errorsAt(paths: Path[]): GraphQLFormattedError[] {
    return paths.map((path) => this.error(path));
  }

  private async fromPeers(options: Options, document: DocumentNode): Promise<SubgraphResponse | null> {
    for (const [name, peer] of this.settings.peers) {
      if (name === this.settings.name) continue;
      const query = queryFor(document, name, this.settings.fields);
      if (!query) continue;
      try {
        const response = await peer.direct({ ...options, request: { ...options.request, query: print(query.document) }, document: query.document } as Options);
        const errors = [...(response.errors ?? []), ...this.errorsAt(query.removed)];
        return { ...response, ...(errors.length ? { errors } : {}) };
      } catch {
        // That peer is not answering either: try the next.
      }
    }
    return null;
  }
}
