import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How citizens rate an implemented initiative' })
export class InitiativeRatingSummary {
  @Field(() => Float, { nullable: true, description: 'Mean score, 1 to 5, 2 decimals; null before the first rating' })
  average: number | null;

  @Field(() => Int, { description: 'Number of people who rated it' })
  count: number;

  @Field(() => Int, { nullable: true, description: 'The viewer\'s own score, if they rated it' })
  myScore: number | null;
}
