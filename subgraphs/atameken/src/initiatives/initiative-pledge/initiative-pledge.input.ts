import { IsInt, IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { ESTIMATE_MAX } from '../initiative/initiative.input';

@InputType()
export class PledgeToInitiativeInput {
  @Field(() => ID)
  initiative: string;

  @Field(() => Float, { description: 'Whole tenge, at most what remains of the estimate' })
  @IsInt({ message: 'amount must be a whole number of tenge' })
  @Min(1, { message: 'amount must be at least 1 tenge' })
  @Max(ESTIMATE_MAX)
  amount: number;

  @Field(() => String, { nullable: true, description: 'Pledge on behalf of this company or NGO (shown publicly); omit to pledge as a private person (never shown)' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  organisation?: string | null;
}
