import { Field, Int, ObjectType } from 'type-graphql';

/** Root value: EventResultEntity. Public; who achieved it is resolved only for the participant and organisers. */
@ObjectType({ description: 'A placing or award at a completed competition or olympiad' })
export class EventResult {
  @Field(() => Int, { nullable: true, description: '1 for first place; null for an award without a placing' })
  placing: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. "I degree diploma", "Audience award"' })
  award: string | null;
}
