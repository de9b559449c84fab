import { IsCalendarDay, LocalizedNameInput, LocalizedTextInput } from '@rz/schema';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class AddInitiativeMilestoneInput {
  @Field(() => ID)
  initiative: string;

  @Field({ description: 'Day it happened, YYYY-MM-DD: not before work started, not in the future' })
  @IsCalendarDay()
  happenedOn: string;

  @Field(() => LocalizedNameInput, { description: 'What was done, in at least one language' })
  @ValidateNested()
  title: LocalizedNameInput;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  description?: LocalizedTextInput | null;

  @Field(() => Int, { description: 'Percentage of the work done now: 0 to 100, not below the current progress' })
  @IsInt()
  @Min(0)
  @Max(100)
  progress: number;
}
