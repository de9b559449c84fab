import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stub of rukhani-qazyna's Monument: this subgraph only knows the key; the gateway fetches the rest. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Monument')
export class MonumentRef {
  @Field(() => ID)
  id: string;
}
