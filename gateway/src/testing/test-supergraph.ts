/**
 * A two-subgraph supergraph for the subscription executor's unit tests: `events`
 * owns the subscriptions (`tick` is resumable: it takes `after` and its payload has
 * `cursor`; `ping` is not), `names` resolves the `name` of a `Thing`.
 */
export const TEST_SUPERGRAPH = `
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)
{
  query: Query
  subscription: Subscription
}

directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION
directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

scalar join__DirectiveArguments
scalar join__FieldSet
scalar link__Import

enum join__Graph {
  EVENTS @join__graph(name: "events", url: "http://events.test/graphql")
  NAMES @join__graph(name: "names", url: "http://names.test/graphql")
}

enum link__Purpose {
  SECURITY
  EXECUTION
}

type Query
  @join__type(graph: EVENTS)
  @join__type(graph: NAMES)
{
  version: String @join__field(graph: EVENTS)
  thing(id: ID!): Thing @join__field(graph: NAMES)
}

type Subscription
  @join__type(graph: EVENTS)
{
  tick(after: String, label: String): Tick!
  ping: Ping!
}

type Tick
  @join__type(graph: EVENTS)
{
  cursor: String!
  count: Int!
  thing: Thing!
}

type Ping
  @join__type(graph: EVENTS)
{
  at: String!
}

type Thing
  @join__type(graph: EVENTS, key: "id")
  @join__type(graph: NAMES, key: "id")
{
  id: ID!
  name: String! @join__field(graph: NAMES)
}
`;
