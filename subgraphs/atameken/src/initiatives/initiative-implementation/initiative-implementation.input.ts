import { LocalizedTextInput } from '@rz/schema';
import { ArrayMaxSize, IsInt, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

export const MAX_NAMED_PARTICIPANTS = 50;

@InputType()
export class CompleteInitiativeInput {
  @Field(() => ID)
  initiative: string;

  @Field(() => LocalizedTextInput, { description: 'What was achieved, in at least one language' })
  @ValidateNested()
  result: LocalizedTextInput;

  @Field(() => Int, { description: 'People who benefited' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  peopleServed: number;

  @Field(() => [String], { defaultValue: [], description: `NGOs that took part, up to ${MAX_NAMED_PARTICIPANTS}` })
  @ArrayMaxSize(MAX_NAMED_PARTICIPANTS)
  @MinLength(1, { each: true })
  @MaxLength(300, { each: true })
  ngos: string[];

  @Field(() => [String], {
    defaultValue: [],
    description: `Patrons to name besides the organisations that pledged (who are listed anyway), up to ${MAX_NAMED_PARTICIPANTS}; name private persons only with their consent`,
  })
  @ArrayMaxSize(MAX_NAMED_PARTICIPANTS)
  @MinLength(1, { each: true })
  @MaxLength(300, { each: true })
  patrons: string[];

  @Field(() => [ID], { defaultValue: [], description: `Registered volunteers who took part (anonymous profiles), up to 200` })
  @ArrayMaxSize(200)
  volunteers: string[];
}
