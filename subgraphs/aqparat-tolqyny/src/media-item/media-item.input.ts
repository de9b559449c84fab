import { Lang } from '@rz/schema';
import { ArrayMaxSize, IsOptional, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsCalendarDay } from '../media-plan/media-plan.period';
import { MediaChannel, MediaLevel, MediaSubjectKind } from './media-item.enums';

export const MAX_SUBJECTS = 20;

@InputType()
export class MediaSubjectInput {
  @Field(() => MediaSubjectKind)
  kind: MediaSubjectKind;

  @Field(() => ID, { description: 'Id of the initiative, monument or event in its own subgraph' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

@InputType()
export class AddMediaPlanItemInput {
  @Field(() => MediaChannel)
  channel: MediaChannel;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(200)
  outlet: string;

  @Field(() => MediaLevel)
  level: MediaLevel;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(200)
  format: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  rubric?: string | null;

  @Field(() => String, { description: 'YYYY-MM-DD, inside the plan\'s period' })
  @IsCalendarDay()
  plannedDate: string;

  @Field(() => Lang)
  language: Lang;

  @Field(() => [MediaSubjectInput], { defaultValue: [], description: `Up to ${MAX_SUBJECTS}` })
  @ArrayMaxSize(MAX_SUBJECTS)
  @ValidateNested({ each: true })
  subjects: MediaSubjectInput[];
}
