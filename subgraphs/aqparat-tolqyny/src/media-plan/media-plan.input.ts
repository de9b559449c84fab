import { IsCalendarDay, IsKatoCode } from '@rz/schema';
import { ArrayMaxSize, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MediaPlanPeriodKind, MediaPlanStatus } from './media-plan.enums';

@InputType()
export class MediaPlanFilter {
  @Field(() => ID, { nullable: true, description: 'KATO code; includes everything below it' })
  @IsOptional()
  @IsKatoCode()
  territory?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(2020)
  @Max(2100)
  year?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @Field(() => MediaPlanPeriodKind, { nullable: true, description: 'Only whole-year or only quarterly plans' })
  periodKind?: MediaPlanPeriodKind;

  @Field(() => MediaPlanStatus, { nullable: true })
  status?: MediaPlanStatus;

  @Field(() => [MediaPlanStatus], { nullable: true, description: 'Any of these statuses' })
  @IsOptional()
  @ArrayMaxSize(10)
  statuses?: MediaPlanStatus[];

  @Field(() => String, { nullable: true, description: 'Submission deadline on or after this day (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDay()
  deadlineFrom?: string;

  @Field(() => String, { nullable: true, description: 'Submission deadline on or before this day (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDay()
  deadlineTo?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only plans awaiting the viewer: DRAFT or RETURNED plans in an officer\'s scope (to submit), SUBMITTED plans of a project office\'s region (to review)',
  })
  @IsOptional()
  awaitingMe?: boolean;
}

@InputType()
export class CreateMediaPlanInput {
  @Field(() => ID, { description: 'KATO code of a region, a district or a city of regional significance' })
  @IsKatoCode()
  territory: string;

  @Field(() => Int)
  @IsInt()
  @Min(2020)
  @Max(2100)
  year: number;

  @Field(() => Int, { nullable: true, description: '1 to 4; omit for a whole-year plan' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number | null;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsCalendarDay()
  submissionDeadline: string;
}
