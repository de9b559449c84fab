import {
  Kind,
  Lexer,
  parse,
  print,
  Source,
  stripIgnoredCharacters,
  TokenKind,
  visit,
  type DefinitionNode,
  type FieldNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';

/** The subgraphs' query limits a merged document must stay within (they read the same settings as the gateway). */
export interface MergeLimits {
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

/** One fetch's request. */
export interface FetchPart {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** One fetch's share of a merged answer. */
export interface PartAnswer {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** How fetches with these documents are merged: the document, and each fetch's root response keys. */
interface MergePlan {
  query: string;
  operationName?: string;
  rootKeys: string[][];
}

const prefix = (i: number) => `m${i}_`;
const PREFIXED = /^m(\d+)_/;
const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

/**
 * One query document from several queries to the same subgraph: each fetch's root fields, variables
 * and fragments get the prefix `m<i>_` (`_entities` of the second fetch answers as `m1__entities`,
 * with `$m1_representations`). Null when a document cannot be merged (not one plain query, fragments
 * at the root) or the result would pass a subgraph limit.
 */
function planMerge(queries: string[], limits: MergeLimits): MergePlan | null {
  const variableDefinitions: VariableDefinitionNode[] = [];
  const selections: FieldNode[] = [];
  const fragments: DefinitionNode[] = [];
  const rootKeys: string[][] = [];
  let operationName: string | undefined;
  let aliases = 0;
  let directives = 0;
  for (const [i, query] of queries.entries()) {
    const p = prefix(i);
    const document = visit(parse(query, { noLocation: true }), {
      Variable: (node) => ({ ...node, name: name(p + node.name.value) }),
      FragmentDefinition: (node) => ({ ...node, name: name(p + node.name.value) }),
      FragmentSpread: (node) => ({ ...node, name: name(p + node.name.value) }),
      Field: (node) => void (node.alias && (aliases += 1)),
      Directive: () => void (directives += 1),
    });
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const [operation] = operations;
    if (operations.length !== 1 || operation.operation !== 'query' || operation.directives?.length) return null;
    operationName ??= operation.name?.value;
    const keys: string[] = [];
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) return null;
      const key = selection.alias?.value ?? selection.name.value;
      if (!selection.alias) aliases += 1;
      keys.push(key);
      selections.push({ ...selection, alias: name(p + key) });
    }
    rootKeys.push(keys);
    variableDefinitions.push(...(operation.variableDefinitions ?? []));
    fragments.push(...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION));
  }
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    ...(operationName ? { name: name(operationName) } : {}),
    variableDefinitions,
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  const query = stripIgnoredCharacters(print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }));
  if (aliases > limits.maxAliases || directives > limits.maxDirectives || tokenCount(query) > limits.maxTokens) return null;
  return { query, operationName, rootKeys };
}

function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** Plans per combination of documents: a plan's fetches recur, so merging costs a parse once per combination. */
export class FetchMerger {
  private readonly plans = new Map<string, MergePlan | null>();

  constructor(
    private readonly limits: MergeLimits,
    private readonly maxPlans = 1_000,
  ) {}

  /** The merged request for these fetches, and how to split its answer; null when they go one by one. */
  merge(parts: FetchPart[]): { body: FetchPart; split(answer: PartAnswer): PartAnswer[] | null } | null {
    const key = parts.map((p) => p.query).join('\0');
    let plan = this.plans.get(key);
    if (plan === undefined) {
      if (this.plans.size >= this.maxPlans) this.plans.clear();
      plan = planMerge(
        parts.map((p) => p.query),
        this.limits,
      );
      this.plans.set(key, plan);
    }
    if (!plan) return null;
    const variables: Record<string, unknown> = {};
    parts.forEach((part, i) => {
      for (const [variable, value] of Object.entries(part.variables ?? {})) variables[prefix(i) + variable] = value;
    });
    const { query, operationName, rootKeys } = plan;
    return { body: { query, variables, ...(operationName ? { operationName } : {}) }, split: (answer) => splitAnswer(rootKeys, answer) };
  }
}

/**
 * Each fetch's data and errors from a merged answer, error paths back under the fetch's own root keys.
 * Null (send the fetches one by one) when the answer cannot be split faithfully: an error without a
 * fetch's path (a refusal of the whole document), or no data at all.
 */
export function splitAnswer(rootKeys: string[][], answer: PartAnswer): PartAnswer[] | null {
  const { data } = answer;
  if (!data) return null;
  const parts: PartAnswer[] = rootKeys.map((keys, i) => ({ data: Object.fromEntries(keys.map((key) => [key, data[prefix(i) + key]])) }));
  for (const error of answer.errors ?? []) {
    const [head, ...rest] = error.path ?? [];
    const match = typeof head === 'string' ? PREFIXED.exec(head) : null;
    const part = match ? parts[Number(match[1])] : undefined;
    if (!part) return null;
    (part.errors ??= []).push({ ...error, path: [String(head).slice(match![0].length), ...rest] });
  }
  if (answer.extensions) parts[0].extensions = answer.extensions;
  return parts;
}
