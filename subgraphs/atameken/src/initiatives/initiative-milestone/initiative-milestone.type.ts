import { Field, ID, Int, ObjectType } from 'type-graphql';

/** Root value: InitiativeMilestoneEntity; localized fields live in the resolver. */
@ObjectType({ description: 'A dated step of an initiative being implemented' })
export class InitiativeMilestone {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Day it happened, YYYY-MM-DD' })
  happenedOn: string;

  @Field(() => Int, { description: 'Percentage of the work done at this step' })
  progress: number;

  @Field()
  createdAt: Date;
}
