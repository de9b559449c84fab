import { IsCalendarDay, Lang } from '@rz/schema';
import { ArrayMaxSize, IsInt, IsOptional, IsUrl, IsUUID, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MediaChannel, MediaLevel, MediaSubjectKind } from './media-item.enums';

export const MAX_SUBJECTS = 20;

@InputType()
export class MediaSubjectInput {
  @Field(() => MediaSubjectKind)
  kind: MediaSubjectKind;

  @Field(() => ID, { description: 'Id of the initiative, monument or event in its own subgraph, or of a face' })
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

export const MAX_LINK = 2000;
export const MAX_CANCELLATION_REASON = 1000;

@InputType()
export class PublishMediaItemInput {
  @Field(() => String, { description: 'http or https URL of the publication or recording' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'link must be an http or https URL' })
  @MaxLength(MAX_LINK)
  link: string;

  @Field(() => String, { description: 'YYYY-MM-DD, not in the future and not before the plan\'s period' })
  @IsCalendarDay()
  publishedOn: string;

  @Field(() => Int, { description: 'Audience reached: viewers, listeners, readers or views' })
  @IsInt()
  @Min(0, { message: 'reach must not be negative' })
  reach: number;
}
