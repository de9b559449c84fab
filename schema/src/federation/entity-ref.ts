import { Directive, Field, ID, ObjectType, type ClassType } from 'type-graphql';

/** The key of an entity another subgraph owns: all a subgraph that extends it holds (the root value of its stub). */
export interface EntityKey {
  id: string;
}

/**
 * Another subgraph's entity, by its `id` key, in a subgraph that adds fields to it:
 * `type <typeName> @key(fields: "id") { id: ID! }`, resolvable here (see keyReferenceResolvers).
 * Declare it once per subgraph, at module level: `export const MonumentRef = entityRef('Monument')`.
 */
export function entityRef(typeName: string): ClassType<EntityKey> {
  @Directive('@key(fields: "id")')
  @ObjectType(typeName)
  class EntityRef implements EntityKey {
    @Field(() => ID)
    id: string;
  }
  return EntityRef;
}

/**
 * Reference resolvers for such stubs: a reference resolves to its key alone, whatever the id;
 * whether the entity exists is its owning subgraph's answer.
 */
export function keyReferenceResolvers(...typeNames: string[]): Record<string, { __resolveReference(reference: EntityKey): EntityKey }> {
  return Object.fromEntries(typeNames.map((typeName) => [typeName, { __resolveReference: (reference: EntityKey) => ({ id: reference.id }) }]));
}
