import { IsCalendarDay } from '@rz/schema';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { MonumentCondition } from '../monument/monument.enums';

@InputType()
export class AssessMonumentConditionInput {
  @Field(() => MonumentCondition)
  condition: MonumentCondition;

  @Field(() => String, { description: 'Day of the assessment (YYYY-MM-DD), not in the future' })
  @IsCalendarDay()
  assessedOn: string;

  @Field(() => String, { description: 'Public label of who assessed it: a role or organisation (e.g. "Culture Department of Turkistan Region"), not a person\'s name' })
  @MinLength(2)
  @MaxLength(200)
  assessedBy: string;

  @Field(() => String, { nullable: true, description: 'Public remark on the findings' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}
