import { MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class ReviewVolunteerInput {
  @Field(() => ID)
  volunteer: string;

  @Field()
  positive: boolean;

  @Field({ description: '1 to 2000 characters' })
  @MinLength(1)
  @MaxLength(2000)
  text: string;
}
