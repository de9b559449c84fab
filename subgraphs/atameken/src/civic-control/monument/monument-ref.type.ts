import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * rukhani-qazyna owns Monument; this subgraph adds the complaints about it, so the
 * stub is resolvable by key. Root value: { id }.
 */
@Directive('@key(fields: "id")')
@ObjectType('Monument')
export class MonumentRef {
  @Field(() => ID)
  id: string;
}
