import { Kind, parse, type ConstDirectiveNode, type TypeNode } from 'graphql';

/** A field of the supergraph: its named type, and the subgraphs that resolve it. */
export interface SupergraphField {
  type: string;
  subgraphs: ReadonlySet<string>;
}

/** Which subgraph resolves which field, read from the supergraph's join directives. */
export interface SupergraphFields {
  field(typeName: string, fieldName: string): SupergraphField | undefined;
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

const argument = (directive: ConstDirectiveNode, name: string): string | undefined => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value && (value.kind === Kind.ENUM || value.kind === Kind.STRING) ? value.value : undefined;
};

/**
 * A field with no `@join__field` is resolved by every subgraph that defines its type
 * (`@join__type`); otherwise by the subgraphs its `@join__field`s name (external ones excepted).
 */
export function supergraphFields(supergraphSdl: string): SupergraphFields {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      if (graph) graphNames.set(value.name.value, argument(graph, 'name') ?? value.name.value);
    }
  }
  const fields = new Map<string, SupergraphField>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeGraphs = (definition.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => graphNames.get(argument(d, 'graph') ?? ''));
    for (const field of definition.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const external = (d: ConstDirectiveNode) => d.arguments?.some((a) => a.name.value === 'external' && a.value.kind === Kind.BOOLEAN && a.value.value);
      const graphs = joins.length ? joins.filter((d) => !external(d)).map((d) => graphNames.get(argument(d, 'graph') ?? '')) : typeGraphs;
      fields.set(`${definition.name.value}.${field.name.value}`, {
        type: namedType(field.type),
        subgraphs: new Set(graphs.filter((g): g is string => g !== undefined)),
      });
    }
  }
  return { field: (typeName, fieldName) => fields.get(`${typeName}.${fieldName}`) };
}
