import { buildOperationContext } from '@apollo/gateway';
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import {
  getNamedType,
  getOperationAST,
  isObjectType,
  Kind,
  parse,
  print,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
  TypeInfo,
  visitWithTypeInfo,
} from 'graphql';

/** Variable the gateway adds to resumable upstream subscriptions. */
export const RESUME_VARIABLE = '__rz_after';

/**
 * A subscription field is resumable when it takes `after: String` and its payload
 * has `cursor: String`: the gateway can then resubscribe after an upstream restart
 * from the last event it saw.
 */
export interface ResumeInfo {
  /** The primary operation with `after: $__rz_after` and a `cursor` selection added. */
  operation: string;
  /** Response key of the root field in the primary result. */
  responseKey: string;
  /** The client's own `after`, where the stream starts. */
  initialAfter: string | null;
  /**
   * `{ <field>Cursor }` when the supergraph has that query (the newest cursor, from the same subgraph):
   * a shared stream starts from it, so even its first resubscription has a position to resume from.
   */
  headQuery: string | null;
}

/**
 * Fields and arguments whose answer depends on who asks. A subscription that selects none of them is
 * shared by every viewer and run upstream anonymously, so nobody can receive through it more than an
 * anonymous caller could query; one that selects any is keyed, and run, with the subscriber's own token.
 * A coordinate missing here can only make a privileged viewer see the anonymous answer, never the reverse.
 */
export const PER_VIEWER_COORDINATES: ReadonlySet<string> = new Set([
  'Subscription.complaintStatusChanged(mine)',
  'ComplaintStatusEvent.comment',
  'Complaint.evidence',
  'Complaint.isMine',
  'Complaint.isAssignedToMe',
  'Complaint.comments',
  'Complaint.history',
  // Each person's own notifications: never shared, always run with the subscriber's token.
  'Subscription.notificationAdded',
]);

/** What decides whether two subscribers may share one upstream stream, and where each wants to start. */
export interface SharingPoint {
  /** The normalised document without the root field's `after`, and the variables it uses. */
  key: string;
  /** The subscriber's own `after` (null: from now on). */
  after: string | null;
  /** It selects something that depends on the viewer: shared only with the same token. */
  perViewer: boolean;
}

export type OperationContext = ReturnType<typeof buildOperationContext>;

export interface PlannedSubscription {
  operationContext: OperationContext;
  primary: FetchNode;
  rest?: PlanNode;
  resume: ResumeInfo | null;
}

/** JSON with object keys sorted, so equal variables give equal keys. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function literalValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.NULL) return null;
  return undefined;
}

/** Drops variable definitions nothing uses any more (the client's own `$after`, replaced by ours). */
function withoutUnusedVariables(document: DocumentNode): DocumentNode {
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false, // a definition is not a use
    Variable: (node) => {
      used.add(node.name.value);
    },
  });
  return visit(document, {
    VariableDefinition: (node) => (used.has(node.variable.name.value) ? undefined : null),
  });
}

/** A document's part in its sharing point: the same for every subscriber that sends it. */
interface DocumentShape {
  /** The document printed without the root field's `after` and the variables only it used. */
  printed: string;
  afterArgument: ArgumentNode | undefined;
  /** Variables the printed document still uses. */
  used: ReadonlySet<string>;
  perViewer: boolean;
}

/** Plans subscriptions against the supergraph the HTTP gateway serves. */
export class SubscriptionPlanner {
  readonly supergraphSchema: GraphQLSchema;
  readonly apiSchema: Schema;
  readonly apiGraphQLSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly shapes = new WeakMap<DocumentNode, Map<string, DocumentShape>>();

  constructor(
    supergraphSdl: string,
    /** Coordinates (`Type.field`, `Type.field(argument)`) whose answer depends on who asks. Default PER_VIEWER_COORDINATES. */
    private readonly perViewer: ReadonlySet<string> = PER_VIEWER_COORDINATES,
  ) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.apiGraphQLSchema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  /**
   * Subscribers whose documents print the same (whitespace, comments and the resume point aside) and
   * whose other variables are equal get the same events; `after` is theirs alone, served by a replay.
   */
  sharingPoint(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): SharingPoint {
    const shape = this.shapeOf(document, operationName);
    const after = shape.afterArgument ? literalValue(shape.afterArgument.value, variables) : null;
    const kept = Object.fromEntries(Object.entries(variables).filter(([name]) => shape.used.has(name)));
    return {
      key: `${shape.printed}\n${operationName ?? ''}\n${stableJson(kept)}`,
      after: typeof after === 'string' ? after : null,
      perViewer: shape.perViewer,
    };
  }

  /**
   * What sharing needs from the document alone, worked out once per parsed document and operation:
   * the server hands every subscriber that sends the same text the same document.
   */
  private shapeOf(document: DocumentNode, operationName: string | undefined): DocumentShape {
    let byOperation = this.shapes.get(document);
    if (!byOperation) this.shapes.set(document, (byOperation = new Map()));
    const known = byOperation.get(operationName ?? '');
    if (known) return known;
    const operation = getOperationAST(document, operationName);
    const root = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
    const afterArgument = root && this.resumable(root.name.value) ? root.arguments?.find((a) => a.name.value === 'after') : undefined;
    const shareable = withoutUnusedVariables(visit(document, { Argument: (node) => (node === afterArgument ? null : undefined) }));
    const used = new Set<string>();
    visit(shareable, { OperationDefinition: (node) => node.variableDefinitions?.forEach((v) => used.add(v.variable.name.value)) });
    const shape = { printed: print(shareable), afterArgument, used, perViewer: this.selectsPerViewer(document) };
    byOperation.set(operationName ?? '', shape);
    return shape;
  }

  /** Whether any field or argument in the document (fragments included) is one whose answer depends on the viewer. */
  private selectsPerViewer(document: DocumentNode): boolean {
    const typeInfo = new TypeInfo(this.apiGraphQLSchema);
    let found = false;
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field: (node) => {
          const parent = typeInfo.getParentType();
          if (!parent) return;
          const field = `${parent.name}.${node.name.value}`;
          if (this.perViewer.has(field) || node.arguments?.some((a) => this.perViewer.has(`${field}(${a.name.value})`))) found = true;
        },
      }),
    );
    return found;
  }

  /** The query planner splits a subscription into a primary fetch (the owning subgraph) and the rest. */
  plan(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): PlannedSubscription {
    const operationContext = buildOperationContext({ schema: this.apiGraphQLSchema, operationDocument: document, operationName });
    const operation = operationFromDocument(this.apiSchema, document, { operationName });
    const node = this.planner.buildQueryPlan(operation).node;
    if (node?.kind !== 'Subscription') throw new Error('Only subscription operations are planned here');
    return { operationContext, primary: node.primary, rest: node.rest, resume: this.resumeInfo(node.primary, operationContext.operation, variables) };
  }

  /** A subscription field that takes `after: String` and whose payload has `cursor`. */
  private resumable(fieldName: string): boolean {
    const field = this.apiGraphQLSchema.getSubscriptionType()?.getFields()[fieldName];
    const payload = field && getNamedType(field.type);
    return Boolean(field?.args.some((a) => a.name === 'after') && isObjectType(payload) && 'cursor' in payload.getFields());
  }

  private resumeInfo(primary: FetchNode, clientOperation: OperationDefinitionNode, variables: Record<string, unknown>): ResumeInfo | null {
    const document = parse(primary.operation);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const root = operation.selectionSet.selections[0] as FieldNode;
    if (!this.resumable(root.name.value)) return null;

    const clientRoot = clientOperation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === root.name.value);
    const clientAfter = clientRoot?.arguments?.find((a) => a.name.value === 'after');
    const initialAfter = clientAfter ? literalValue(clientAfter.value, variables) : null;

    const rewritten: DocumentNode = {
      ...document,
      definitions: document.definitions.map((definition) =>
        definition !== operation
          ? definition
          : {
              ...operation,
              variableDefinitions: [
                ...(operation.variableDefinitions ?? []),
                {
                  kind: Kind.VARIABLE_DEFINITION,
                  variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: RESUME_VARIABLE } },
                  type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } },
                },
              ],
              selectionSet: {
                ...operation.selectionSet,
                selections: [
                  {
                    ...root,
                    arguments: [
                      ...(root.arguments ?? []).filter((a) => a.name.value !== 'after'),
                      {
                        kind: Kind.ARGUMENT,
                        name: { kind: Kind.NAME, value: 'after' },
                        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: RESUME_VARIABLE } },
                      },
                    ],
                    selectionSet: {
                      kind: Kind.SELECTION_SET,
                      selections: [
                        ...(root.selectionSet?.selections ?? []),
                        { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'cursor' } },
                      ],
                    },
                  },
                ],
              },
            },
      ),
    };
    const headField = `${root.name.value}Cursor`;
    return {
      operation: print(withoutUnusedVariables(rewritten)),
      responseKey: root.alias?.value ?? root.name.value,
      initialAfter: typeof initialAfter === 'string' ? initialAfter : null,
      headQuery: this.apiGraphQLSchema.getQueryType()?.getFields()[headField] ? `{ ${headField} }` : null,
    };
  }
}
