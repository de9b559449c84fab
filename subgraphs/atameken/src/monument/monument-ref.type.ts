import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** rukhani-qazyna owns Monument; this subgraph only refers to it by key. Root value: { id }. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Monument')
export class MonumentRef {
  @Field(() => ID)
  id: string;
}
