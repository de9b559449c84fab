import { Connection } from '@rz/schema';
import { Field, ID, ObjectType } from 'type-graphql';

/** Root value: VolunteerReviewEntity. The author is never named. */
@ObjectType({ description: 'A positive or negative review of a volunteer' })
export class VolunteerReview {
  @Field(() => ID)
  id: string;

  @Field()
  positive: boolean;

  @Field()
  text: string;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class VolunteerReviewConnection extends Connection(VolunteerReview) {}
