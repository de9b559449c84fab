import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * rukhani-qazyna's Monument, by key: the gateway fetches its own fields there.
 * Resolvable here because this subgraph adds fields to it (events). Root value: { id }.
 */
@Directive('@key(fields: "id")')
@ObjectType('Monument')
export class MonumentRef {
  @Field(() => ID)
  id: string;
}
