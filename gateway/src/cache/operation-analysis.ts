import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type SubscriptionNode } from '@apollo/query-planner';
import { getNamedType, getOperationAST, isCompositeType, parse, print, TypeInfo, validate, visit, visitWithTypeInfo, type GraphQLSchema } from 'graphql';
import { CACHE_TTL_SECONDS, READS_THROUGH_GATEWAY } from './cache-hints';

/** What the cache needs to know about one document and operation name. */
export type OperationShape =
  | { kind: 'query'; normalized: string; subgraphs: readonly string[]; ttlSeconds: number }
  | { kind: 'mutation'; subgraphs: readonly string[] }
  | { kind: 'other' };

function fetchedSubgraphs(node: PlanNode | SubscriptionNode | undefined, into: Set<string>): Set<string> {
  if (!node) return into;
  switch (node.kind) {
    case 'Fetch':
      into.add(node.serviceName);
      break;
    case 'Flatten':
      fetchedSubgraphs(node.node, into);
      break;
    case 'Sequence':
    case 'Parallel':
      node.nodes.forEach((n) => fetchedSubgraphs(n, into));
      break;
    case 'Condition':
      fetchedSubgraphs(node.ifClause, into);
      fetchedSubgraphs(node.elseClause, into);
      break;
    case 'Defer':
      fetchedSubgraphs(node.primary.node, into);
      node.deferred.forEach((d) => fetchedSubgraphs(d.node, into));
      break;
    default:
      // A subscription never reaches the cache (refused over HTTP).
      break;
  }
  return into;
}

/**
 * Reads a document once (remembered by its text): the operation's kind, its normalised text (the
 * print of its AST) and the subgraphs its query plan fetches from, which are what a cached answer
 * depends on. A document that does not parse, validate or plan is `other`: Apollo answers it.
 */
export class OperationAnalyzer {
  private readonly apiSchema: Schema;
  private readonly api: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly allSubgraphs: readonly string[];
  private readonly seen = new Map<string, OperationShape>();

  constructor(
    supergraphSdl: string,
    private readonly options: { defaultTtlSeconds: number; maxTokens: number; remember?: number },
  ) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.api = this.apiSchema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
    this.allSubgraphs = [...supergraph.subgraphs().names()].sort();
  }

  analyze(query: string, operationName: string | undefined): OperationShape {
    const key = `${operationName ?? ''}\n${query}`;
    let shape = this.seen.get(key);
    if (!shape) {
      shape = this.read(query, operationName);
      if (this.seen.size >= (this.options.remember ?? 2_000)) this.seen.delete(this.seen.keys().next().value!);
      this.seen.set(key, shape);
    }
    return shape;
  }

  private read(query: string, operationName: string | undefined): OperationShape {
    try {
      const document = parse(query, { maxTokens: this.options.maxTokens });
      const operation = getOperationAST(document, operationName);
      if (!operation || operation.operation === 'subscription' || validate(this.api, document).length) return { kind: 'other' };
      const plan = this.planner.buildQueryPlan(operationFromDocument(this.apiSchema, document, { operationName }));
      const fetched = [...fetchedSubgraphs(plan.node, new Set())].sort();
      const subgraphs = fetched.some((s) => READS_THROUGH_GATEWAY.includes(s)) ? this.allSubgraphs : fetched;
      if (operation.operation === 'mutation') return { kind: 'mutation', subgraphs };
      return { kind: 'query', normalized: print(document), subgraphs, ttlSeconds: this.ttlOf(document) };
    } catch {
      return { kind: 'other' };
    }
  }

  /** The shortest life among the object types the document reads: its hint (cache-hints.ts), else the default. */
  private ttlOf(document: ReturnType<typeof parse>): number {
    let ttl = Infinity;
    const typeInfo = new TypeInfo(this.api);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field: () => {
          const type = typeInfo.getType();
          const named = type && getNamedType(type);
          if (named && isCompositeType(named)) ttl = Math.min(ttl, CACHE_TTL_SECONDS[named.name] ?? this.options.defaultTtlSeconds);
        },
      }),
    );
    return Number.isFinite(ttl) ? ttl : this.options.defaultTtlSeconds;
  }
}
