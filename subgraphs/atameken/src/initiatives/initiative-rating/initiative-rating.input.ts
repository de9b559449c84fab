import { IsInt, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class RateInitiativeArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '1 (poor) to 5 (excellent)' })
  @IsInt()
  @Min(1, { message: 'score must be 1 to 5' })
  @Max(5, { message: 'score must be 1 to 5' })
  score: number;
}
